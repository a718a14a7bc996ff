"use client";

import type { THmacSettings } from "@/lib/hmac/schemas";
import { Field } from "@/components/ui/field";

type Custom = Extract<THmacSettings, { scheme: "custom" }>["custom"];

/** The custom scheme's fields: header, prefix, encoding, template, extra headers, separator. */
export function CustomSchemeFields({
  custom,
  onChange,
  errors,
  disabled,
}: {
  custom: Custom;
  onChange: (custom: Custom) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const text = (key: "header" | "prefix" | "signedContent" | "timestampHeader" | "idHeader" | "separator", label: string, hint?: string, optional = false) => {
    const id = `hmac-custom-${key}`;
    const error = errors[`custom.${key}`];
    return (
      <Field id={id} label={label} hint={hint} error={error}>
        {(control) => (
          <input
            {...control}
            className={`${control.className} font-mono`}
            value={custom[key] ?? ""}
            disabled={disabled}
            onChange={(e) => {
              const value = e.target.value;
              onChange({ ...custom, [key]: optional && value === "" ? undefined : value });
            }}
          />
        )}
      </Field>
    );
  };
  return (
    <div className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
      {text("header", "Signature header")}
      {text("prefix", "Prefix", "Exact text before the signature, e.g. sha256= or v1=. May be empty.")}
      <Field id="hmac-custom-encoding" label="Encoding">
        {(control) => (
          <select {...control} value={custom.encoding} disabled={disabled} onChange={(e) => onChange({ ...custom, encoding: e.target.value as Custom["encoding"] })}>
            <option value="hex">hex</option>
            <option value="base64">base64</option>
            <option value="base64url">base64url</option>
          </select>
        )}
      </Field>
      {text("signedContent", "Signed content", "Template over {body}, {timestamp} and {id}; {body} is required. Put punctuation between placeholders (e.g. {id}.{timestamp}.{body}) that your ids never contain.")}
      {text("timestampHeader", "Timestamp header (optional)", "Needed when the template uses {timestamp}; enables replay protection.", true)}
      {text("idHeader", "Message id header (optional)", "Needed when the template uses {id}; repeats return the first session.", true)}
      {text("separator", "Separator for several signatures (optional)", "E.g. a comma or a space, for sending old and new signatures during rotation.")}
    </div>
  );
}
