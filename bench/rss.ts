import { readdirSync, readFileSync } from "node:fs";

// Resident memory of a process and all its descendants, from /proc (Linux), sampled while the
// load runs; the benchmark reports the highest sum seen.

function children(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 is the parent pid; the command name (field 2) may contain spaces, so parse after ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}

function rssKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function treeRssMiB(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rssKiB(p);
    stack.push(...children(p));
  }
  return total / 1024;
}

/** Samples every `everyMs` until stop() is called; stop() returns the maximum in MiB. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number } {
  let max = treeRssMiB(pid);
  const timer = setInterval(() => (max = Math.max(max, treeRssMiB(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, treeRssMiB(pid));
    },
  };
}
