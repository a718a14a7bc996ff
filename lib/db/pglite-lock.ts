// PGlite takes no lock on its directory, and two processes on one directory corrupt it
// (e.g. `npm run signet -- db:migrate` while the server runs). A pid file closes that gap.
import { readFileSync, rmSync, writeFileSync } from "node:fs";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * When a process started (clock ticks since boot, field 22 of /proc/<pid>/stat), or null off
 * Linux. A pid alone is not an identity: after a crash, an unrelated process can get the same
 * pid (containers restart with small, repeating pids) and must not keep the lock alive.
 */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process recorded in a lock file ("<pid> <start time>" or a bare pid) still runs. */
function holderRuns(recorded: string): { pid: number; running: boolean } {
  const [pidText, startTime] = recorded.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return { pid, running: false };
  const current = startTimeOf(pid);
  return { pid, running: !startTime || current === null || current === startTime };
}

/** Another process has the embedded database open: an expected condition with a clear message. */
export class DatabaseInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseInUseError";
  }
}

/** Takes `<dir>.lock` for this process, or throws naming the process that holds it. */
export function lockPgliteDir(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const self = startTimeOf(process.pid);
      writeFileSync(file, self ? `${process.pid} ${self}` : String(process.pid), { flag: "wx", mode: 0o600 });
      // Also on exit without close() (Ctrl-C, SIGTERM through process.exit); a hard kill
      // leaves the file, and the dead pid in it lets the next start take over.
      const release = () => rmSync(file, { force: true });
      process.once("exit", release);
      return () => {
        process.removeListener("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = holderRuns(readFileSync(file, "utf8"));
      if (holder.running) {
        throw new DatabaseInUseError(
          `The embedded database in ${dir} is in use by process ${holder.pid}. PGlite allows one process at a time: ` +
            `stop it first, or delete ${file} if that process is not Signet (use DATABASE_URL to run several).`,
        );
      }
      rmSync(file, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${dir}; remove ${dir}.lock if no Signet process is running`);
}
