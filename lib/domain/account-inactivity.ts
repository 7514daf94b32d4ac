/*
 * Accounts unused for N days are deactivated (issue 12, ADR 0041). Pure rule, no I/O.
 *
 * "Used" means signed in. An account that never signed in counts from its creation, and an
 * account an administrator changed since (a reactivation above all) counts from that change:
 * otherwise a reactivated account would fall straight back under the rule at its next sign-in.
 * The stamps compared are real instants written with the real clock (created_at, updated_at,
 * last_sign_in_at), so the rule runs on the real clock too: a demo's TSUNAGU_TODAY, which
 * shifts the app's calendar, never makes fresh demo accounts look months old.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** TSUNAGU_ACCOUNT_UNUSED_DAYS (default 90; a whole number of days, at least 1). */
export function unusedAccountDays(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.TSUNAGU_ACCOUNT_UNUSED_DAYS);
  return Number.isInteger(n) && n >= 1 ? n : 90;
}

export type AccountUse = { lastSignInAt: string | null; createdAt: string; updatedAt: string };

/** The instant the account was last used or set up: the latest of sign-in, creation and an admin's change. */
export function lastUsedAt(account: AccountUse): string {
  return [account.lastSignInAt, account.createdAt, account.updatedAt].filter((s): s is string => !!s).sort().at(-1)!;
}

/** The instant from which the account counts as unused (deactivated at the next sweep or sign-in attempt). */
export function unusedFrom(account: AccountUse, days: number): string {
  return new Date(Date.parse(lastUsedAt(account)) + days * DAY_MS).toISOString();
}

/** Unused for `days` days at `now`. */
export function isUnusedAccount(account: AccountUse, now: Date, days: number): boolean {
  return now.getTime() >= Date.parse(unusedFrom(account, days));
}

/** The ISO instant `days` days before `now`: accounts last used before it are unused. */
export function unusedCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}
