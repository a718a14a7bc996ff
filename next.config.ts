import type { NextConfig } from "next";
import { denyFramingHeaders, NOT_SESSION_PAGES, securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Database drivers load WASM or native code at run time; bundling them breaks that.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    // One copy for Next's bundle and the lean front's: they share one metrics registry.
    "prom-client",
  ],
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole project, tests included) is its own CI step;
  // checking again inside every build doubles build time on our 2-core machines.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders() },
      // Session pages may be framed by their workflow's allowed origins: proxy.ts sets that.
      { source: NOT_SESSION_PAGES, headers: denyFramingHeaders() },
    ];
  },
};

export default nextConfig;
