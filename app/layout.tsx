import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Signet", template: "%s · Signet" },
  description: "Workflows started by signed webhooks.",
};

// Every page renders per request, the 404 page included: its scripts need the request's CSP
// nonce (proxy.ts), which a page prerendered at build time cannot carry.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
