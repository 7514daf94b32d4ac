import "server-only";
import { diffFields } from "./audit";
import { AppError } from "./errors";

/**
 * The values an edit form was loaded with, sent back as JSON in its `base` field. Anything that
 * is not a JSON object (missing, tampered with, an old form) reads as nothing loaded, so every
 * stored field is reported.
 */
function loadedValues(base: string | undefined): Record<string, unknown> {
  if (!base) return {};
  try {
    const parsed: unknown = JSON.parse(base);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The answer to a stale save (the record's version moved on since the form was loaded): nothing
 * is written, and the caller learns field by field what someone else changed since the values
 * the form was loaded with (`base`), as `{ field: [loaded, now] }`. The user's own edits are
 * not compared, so they are never listed.
 */
export function staleSaveConflict(base: string | undefined, current: object): AppError {
  return new AppError("conflict", "errors.conflict", {}, diffFields(loadedValues(base), current as Record<string, unknown>));
}
