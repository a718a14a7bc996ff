// Dependency audit for CI: fails on known critical advisories in what ships (production
// dependencies); reports critical ones in dev-only dependencies without failing. When the
// registry does not answer the audit endpoint (some mirrors and offline machines don't), it
// says so plainly and passes: an unchecked audit must never look like a clean one.
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";

const TIMEOUT_MS = 90_000;

/**
 * Reads `npm audit --json` output. Returns { answered: false, why } when npm could not get an
 * answer from the registry, else { answered: true, counts, critical: [names] }.
 */
export function judgeAudit(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { answered: false, why: "npm printed no JSON report" };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== "object") {
    const why = report?.message ?? report?.error?.summary ?? "no vulnerability counts in the report";
    return { answered: false, why: String(why).split("\n")[0] };
  }
  const critical = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v?.severity === "critical")
    .map(([name]) => name)
    .sort();
  return { answered: true, counts, critical };
}

function runAudit(args) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["audit", "--json", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.resume();
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", () => resolve(""));
    // npm audit exits non-zero both for findings and for registry errors: the JSON tells which.
    child.on("close", () => {
      clearTimeout(timer);
      resolve(stdout);
    });
  });
}

const summary = (counts) => ["critical", "high", "moderate", "low"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ");

async function main() {
  const [production, all] = await Promise.all([runAudit(["--omit=dev"]), runAudit([])]);
  const prod = judgeAudit(production);
  if (!prod.answered) {
    console.log(`dependency audit: registry did not answer (${prod.why}), not checked`);
    return 0;
  }
  console.log(`dependency audit (production dependencies): ${summary(prod.counts)}`);
  const everything = judgeAudit(all);
  if (everything.answered) {
    const devOnly = everything.critical.filter((name) => !prod.critical.includes(name));
    console.log(`dependency audit (with dev dependencies): ${summary(everything.counts)}`);
    if (devOnly.length) console.log(`  critical in dev-only dependencies (not shipped, fix soon): ${devOnly.join(", ")}`);
  }
  if (prod.critical.length) {
    console.log(`dependency audit FAILED: critical advisories in shipped dependencies: ${prod.critical.join(", ")} (see \`npm audit --omit=dev\`)`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then((code) => process.exit(code));
}
