"use client";

import { ScrollBox } from "@/components/ui/scroll-box";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/http/form-state";
import type { TestRequestResult } from "@/lib/delivery-log/send-test-request";
import { Field } from "@/components/ui/field";

/** Signs the sample body on the server with the newest active secret and posts it to the test URL. */
export function TestRequestPanel({
  initialBody,
  canEdit,
  send,
}: {
  initialBody: string;
  canEdit: boolean;
  send: (input: { body: string }) => Promise<FormState<TestRequestResult>>;
}) {
  const [body, setBody] = useState(initialBody);
  const [result, setResult] = useState<FormState<TestRequestResult> | null>(null);
  const [pending, startTransition] = useTransition();
  if (!canEdit) return <p className="text-sm text-slate-600">Editors can send a signed test request from here.</p>;
  const data = result?.data;
  return (
    <div className="space-y-3">
      <Field id="test-body" label="Sample body (JSON)" hint="Signed on the server with the newest active secret, under the settings the test URL uses: the draft's, never weaker than the live version. Works before the first publish.">
        {(control) => <textarea {...control} className={`${control.className} font-mono text-xs`} rows={5} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Button type="button" disabled={pending} onClick={() => startTransition(async () => setResult(await send({ body })))}>
        {pending ? "Sending…" : "Send signed test request"}
      </Button>
      {result && !result.ok && <Alert>{result.message}</Alert>}
      {data && (
        <div className="space-y-2 text-sm" data-testid="test-request-result">
          <p>
            <span className={`rounded-full px-2.5 py-0.5 font-medium ring-1 ${data.status < 300 ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200"}`}>
              HTTP {data.status}
            </span>{" "}
            from {data.url}
            {data.signedWithLast4 ? ` · signed with …${data.signedWithLast4}` : " · unsigned (HMAC is off)"}
          </p>
          <ScrollBox label="Response body" className="overflow-x-auto rounded bg-slate-100 p-2 text-xs">
            {data.response}
          </ScrollBox>
        </div>
      )}
    </div>
  );
}
