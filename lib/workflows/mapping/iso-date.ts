// ISO 8601 / RFC 3339 calendar dates and date-times, as partner payloads send them.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * `YYYY-MM-DD` for an ISO date or date-time string, else null. A date-time keeps the date
 * *as written*: `2024-03-01T23:30:00-05:00` is 1 March for the sender, even though it is
 * already 2 March in UTC, and the form shows the sender's calendar day.
 */
export function toIsoDate(input: string): string | null {
  if (input.length > 40) return null;
  const text = input.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    return isCalendarDate(Number(y), Number(m), Number(d)) ? text : null;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return null;
  const [, y, m, d, hh, mm, ss, offH, offM] = dateTime;
  if (!isCalendarDate(Number(y), Number(m), Number(d))) return null;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 60) return null;
  if (offH !== undefined && (Number(offH) > 23 || Number(offM) > 59)) return null;
  return `${y}-${m}-${d}`;
}
