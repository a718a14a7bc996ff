// For the Prisma CLI where its engine can be downloaded (`prisma migrate deploy`,
// `prisma studio`). The app itself never reads this: it migrates through lib/db.
// `env()` from prisma/config would throw without DATABASE_URL and break `prisma generate`
// on the embedded default, hence the plain lookup.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
