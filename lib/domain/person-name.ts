/** A person's (or a peer's) name as lists and pages show it: family name, a space, given name. */
export function fullName(r: { familyName: string; givenName: string }): string {
  return `${r.familyName} ${r.givenName}`;
}

/** The reading (フリガナ) the same way. */
export function fullKana(r: { familyNameKana: string; givenNameKana: string }): string {
  return `${r.familyNameKana} ${r.givenNameKana}`;
}
