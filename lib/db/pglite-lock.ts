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

/** Takes `<dir>.lock` for this process, or throws naming the process that holds it. */
export function lockPgliteDir(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
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
      const holder = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${holder}. PGlite allows one process at a time: ` +
            `stop it first, or delete ${file} if that process is not Signet (use DATABASE_URL to run several).`,
        );
      }
      rmSync(file, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${dir}; remove ${dir}.lock if no Signet process is running`);
}
