// Cell values for CSV. A spreadsheet runs a cell that starts with =, +, - or @ as a formula
// (and tab or carriage return can smuggle one in), so such text is prefixed with an
// apostrophe, as OWASP's CSV injection guidance advises. Numbers and booleans are written as
// themselves: they cannot be formulas, and a negative number must stay a number.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return neutralizeFormula(text);
}
