// Runs in the browser before React hydrates (Next's client instrumentation hook).
// Zod 4 compiles object parsers with `new Function` where eval is allowed, and finds out with a
// caught `new Function("")`. Our pages' CSP allows no eval (lib/http/security-headers.ts), so
// that probe would be reported as a violation on every page that validates a form: zod's
// interpreter, which needs no eval, does the same job.
import { z } from "zod";

z.config({ jitless: true });
