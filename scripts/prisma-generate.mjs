// Generates the Prisma client without the schema-engine binary, which cannot be downloaded
// on our machines: `prisma generate` needs no engine, but the CLI insists on resolving one,
// so we point it at a stub that exits 1 (docs/stack.md, "Prisma without its engine binary").
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const stubDir = join(tmpdir(), "signet-prisma-stub");
mkdirSync(stubDir, { recursive: true });
const stub = join(stubDir, "schema-engine-stub.sh");
writeFileSync(stub, "#!/bin/sh\nexit 1\n");
chmodSync(stub, 0o755);
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
