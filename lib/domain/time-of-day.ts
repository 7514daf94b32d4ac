/**
 * A time of day as people type it, read one way everywhere (a dispatch's start and end, the
 * hours worked out from them): 13:00, １３：００, 13.00, 1300, 930, 13時, 13時30分, 13時半, 午後1時.
 * Gives "HH:MM", or null when the text is not a time (empty text is the caller's business).
 */
export function parseTimeOfDay(input: string): string | null {
  const text = input.normalize("NFKC").replace(/\s+/g, "");
  let hour: number;
  let minute = 0;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[:.](\d{2})$/.exec(text))) {
    hour = Number(m[1]);
    minute = Number(m[2]);
  } else if ((m = /^(\d{1,2})(\d{2})$/.exec(text))) {
    hour = Number(m[1]);
    minute = Number(m[2]);
  } else if ((m = /^(午前|午後)?(\d{1,2})時(?:(\d{1,2})分?|(半))?$/.exec(text))) {
    hour = Number(m[2]);
    minute = m[4] ? 30 : m[3] ? Number(m[3]) : 0;
    // 午前/午後 take a 12-hour clock: 午後13時 is a typo, not 13:00.
    if (m[1] && hour > 12) return null;
    if (m[1] === "午後" && hour < 12) hour += 12;
  } else {
    return null;
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Minutes from midnight of a parsed "HH:MM". */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
