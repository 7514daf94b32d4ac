/** Sign-in and session policy in one place; the numbers are the ones the README documents. */

/** Consecutive failed sign-ins that lock a username. */
export const LOCKOUT_THRESHOLD = 5;
/** How long a locked username stays locked. */
export const LOCKOUT_MINUTES = 15;

/** Minutes without a request after which a session ends (SESSION_IDLE_MINUTES, default 30). */
export function sessionIdleMinutes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SESSION_IDLE_MINUTES);
  return Number.isFinite(n) && n >= 1 && n <= 24 * 60 ? Math.floor(n) : 30;
}

/** Usernames are matched case-insensitively and without surrounding spaces. */
export function normalizeUsername(input: string): string {
  return input.normalize("NFKC").trim().toLowerCase();
}

export type ThrottleState = { failedCount: number; lockedUntil: string | null };

/** Is the username locked at `now`? */
export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() > now.getTime();
}

/**
 * The throttle after one more failure. A lock that has run out starts the count afresh,
 * so a user coming back after the lock gets five new tries.
 */
export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
  const expired = !!state?.lockedUntil && !isLocked(state, now);
  const failedCount = (expired || !state ? 0 : state.failedCount) + 1;
  const lockedUntil =
    failedCount >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  return { failedCount, lockedUntil };
}

/** The window in which failed sign-ins from one client address are counted. */
export const ADDRESS_WINDOW_MINUTES = 15;

/**
 * Failed sign-ins from one client address within the window after which that address is refused
 * until the window has passed (TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN, default 30). Slows a
 * password spray across usernames, which the per-username lockout does not see.
 */
export function signInFailuresPerAddress(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN);
  return env.TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN && Number.isInteger(n) && n >= 1 ? n : 30;
}

/**
 * Hours after sign-in at which a session ends however active it was (SESSION_MAX_HOURS,
 * default 12). Counted from the `authTime` claim, which sign-in sets and nothing renews.
 */
export function sessionMaxHours(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SESSION_MAX_HOURS);
  return Number.isFinite(n) && n >= 1 && n <= 24 ? Math.floor(n) : 12;
}

/**
 * Is a session signed in at `authTime` (seconds since the epoch) past its absolute lifetime at
 * `now`? A token without a valid `authTime` (issued before the claim existed, or forged without
 * it) counts as expired, as does one whose sign-in lies in the future.
 */
export function sessionPastMaxAge(authTime: unknown, now: Date, maxHours: number = sessionMaxHours()): boolean {
  if (typeof authTime !== "number" || !Number.isFinite(authTime)) return true;
  const nowSeconds = now.getTime() / 1000;
  if (authTime > nowSeconds + 60) return true;
  return nowSeconds - authTime >= maxHours * 60 * 60;
}
