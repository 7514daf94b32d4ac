/**
 * Expected failures the data-access layer reports to its callers. Actions turn them into
 * form messages; route handlers map `status` to the HTTP response. Anything else is a bug
 * and is rethrown, never shown (a database message never reaches a user).
 */
export type AppErrorCode = "not_found" | "conflict" | "invalid" | "forbidden";

/** Whose save won a conflict: a colleague by name, or the same user in another tab. */
export type SavedBy = { self: true } | { self: false; name: string };

const STATUS: Record<AppErrorCode, number> = { not_found: 404, conflict: 409, invalid: 400, forbidden: 404 };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    /** A message-catalog key, so the UI can say it in the user's language. */
    readonly messageKey: string,
    readonly fieldErrors: Record<string, string> = {},
    /** For conflicts: `{ field: [what you submitted, what is stored now] }`. */
    readonly conflicts: Record<string, [unknown, unknown]> = {},
    /** For conflicts: who saved the record since the form was loaded, when known. */
    readonly savedBy?: SavedBy,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    // Out-of-scope is reported exactly like a missing record: no hint that it exists.
    this.status = STATUS[code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
