import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";

// pg-boss on the embedded PGlite: the job queue shares the app's one PGlite instance (a second
// instance on the same directory would corrupt it). pg-boss sends its schema migrations and
// some maintenance as several statements without parameters, which PGlite's extended protocol
// refuses ("cannot insert multiple commands into a prepared statement"); those go through the
// simple protocol, whose last result is what pg-boss reads.

export function pgliteBossDatabase(pglite: PGlite): PgBoss.Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}
