import type { GetServerSideProps } from "next";
import Head from "next/head";
import { getDb } from "@/lib/db/client";
import { readFormBody } from "@/lib/http/read-form-body";
import { requestNonce } from "@/lib/http/request-nonce";
import { postSessionPage, showSessionPage, type SessionPageResult } from "@/lib/sessions/session-page";
import { SessionPage, sessionPageTitle, type SessionPageProps } from "@/components/session/session-page";

// /s/{token}: the participant's page. A Pages Router page because it must ship no framework
// JavaScript (unstable_runtimeJS: false): participants open it on phones, and a React app
// router page costs ~460 KiB of script before our own code. It works as plain HTML forms:
// GET shows the current step, POST saves it (or goes Back) and redirects back here (303).
// A completed session with a redirect URL moves on with a meta refresh, not a 303 from the
// POST: the page's CSP form-action 'self' would block a form post redirected off-site. In a
// portal's iframe (?embed=1) it stays put; the portal gets the URL with signet:completed.
export const config = { unstable_runtimeJS: false };

const FORM_REFUSALS = {
  too_large: { status: 413, text: "That was too much text to send in one go. Please shorten your answers and try again." },
  unsupported_media_type: { status: 415, text: "That did not come through as a form. Please try again." },
  aborted: { status: 400, text: "That did not come through whole. Please try again." },
} as const;

export const getServerSideProps: GetServerSideProps<SessionPageProps> = async ({ req, res, params, query }) => {
  const token = typeof params?.token === "string" ? params.token : "";
  const embed = query.embed === "1";
  const nonce = requestNonce(req.headers);
  const db = await getDb();
  let result: SessionPageResult;
  if (req.method === "POST") {
    const body = await readFormBody(req);
    if (body.ok) result = await postSessionPage(db, token, body.form);
    else {
      const refusal = FORM_REFUSALS[body.reason];
      result = await showSessionPage(db, token, { status: refusal.status, message: { tone: "error", text: refusal.text } });
    }
  } else {
    result = await showSessionPage(db, token);
  }
  if (result.kind === "redirect") {
    return { redirect: { destination: `/s/${encodeURIComponent(token)}${embed ? "?embed=1" : ""}`, statusCode: 303 } };
  }
  res.statusCode = result.kind === "page" ? result.status : 404;
  return { props: { view: result.kind === "page" ? result.view : null, embed, nonce } };
};

export default function SessionRoute(props: SessionPageProps) {
  return (
    <>
      <Head>
        <title>{sessionPageTitle(props.view)}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        {props.view?.redirectUrl && !props.embed && <meta httpEquiv="refresh" content={`0; url=${props.view.redirectUrl}`} />}
      </Head>
      <SessionPage {...props} />
    </>
  );
}
