// `npm run db:seed`: a demo account with a published, HMAC-protected workflow, so a new user
// can send a signed request within a minute. Prints the password and the secret once.
// Run it before `npm start` on the embedded database (PGlite allows one process per data dir).
import { randomBytes } from "node:crypto";
import { sendLogsToStderr } from "../lib/log/logger";
import { getConfig } from "../lib/config/env";
import { openDatabase } from "../lib/db/open-database";
import { signUp } from "../lib/auth/sign-up";
import { findUserByEmail } from "../lib/auth/user-repository";
import { createWorkflow } from "../lib/workflows/create-workflow";
import { publishWorkflow } from "../lib/workflows/publish-workflow";
import { workflowUrls } from "../lib/workflows/workflow-urls";
import { createSecret } from "../lib/webhook-secrets/create-secret";

// stdout carries the command's result alone; logs go to stderr.
sendLogsToStderr();

const EMAIL = process.env.SEED_EMAIL ?? "demo@example.com";

async function main(): Promise<number> {
  const config = getConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    if (await findUserByEmail(db.prisma, EMAIL)) {
      console.log(`${EMAIL} already exists: nothing to seed.`);
      return 0;
    }
    const password = randomBytes(12).toString("base64url");
    const { userId, workspaceId } = await signUp(db.prisma, { email: EMAIL, password, name: "Demo" });
    const actor = { userId };
    const workflow = await createWorkflow(db.prisma, actor, workspaceId, {
      name: "Customer onboarding",
      definition: {
        trigger: { type: "webhook", hmac: { enabled: true, scheme: "prefixed-hex", algorithm: "sha256" } },
        steps: [
          {
            type: "form",
            id: "details",
            title: "Your details",
            fields: [
              { type: "email", key: "email", label: "Email", required: true },
              { type: "text", key: "fullName", label: "Full name", required: true },
            ],
          },
          {
            type: "form",
            id: "plan",
            title: "Your plan",
            fields: [
              { type: "select", key: "plan", label: "Plan", options: [{ value: "basic", label: "Basic" }, { value: "pro", label: "Pro" }] },
              { type: "checkbox", key: "terms", label: "I accept the terms", required: true },
            ],
          },
        ],
        mapping: [
          { from: "customer.email", to: "email" },
          { from: "customer.name", to: "fullName" },
          { from: "plan", to: "plan" },
        ],
      },
    });
    const secret = await createSecret(db.prisma, actor, workflow.id, { format: "whsec" });
    await publishWorkflow(db.prisma, actor, workflow.id);
    const urls = workflowUrls(config.publicUrl, workflow);
    console.log(
      [
        `Signed in as ${EMAIL} with password ${password}`,
        `Workflow "Customer onboarding" is published with HMAC (prefixed-hex, SHA-256).`,
        `  hook URL: ${urls.hookUrl}`,
        `  test URL: ${urls.testUrl}`,
        `  secret:   ${secret.secret}   (shown once)`,
      ].join("\n"),
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
