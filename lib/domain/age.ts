/**
 * A person's age in whole years on a day, from the date of birth where it is known, else from the
 * birth month a case always has (persons.birth_year_month). With the month only, the birthday is
 * taken as the month's first day: the age is exact except within the birth month itself, where it
 * may count the year a few days early. Null when the birth is after `on` or unreadable.
 */
export function ageOn(birth: string, on: string): number | null {
  const b = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(birth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !d) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), b[3] ? Number(b[3]) : 1];
  const [dy, dm, dd] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const age = dy - by - (dm < bm || (dm === bm && dd < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}
