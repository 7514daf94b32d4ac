import "server-only";
import { diffFields } from "./audit";
import { AppError } from "./errors";

/**
 * The answer to a stale save (the record's version moved on since the form was loaded): nothing
 * is written, and the caller learns field by field what someone else changed since the values
 * the form was loaded with (`base`, sent back as JSON), with the value stored now.
 */
export function staleSaveConflict(base: string | undefined, current: object): AppError {
  let loaded: Record<string, unknown> = {};
  try {
    loaded = base ? (JSON.parse(base) as Record<string, unknown>) : {};
  } catch {
    loaded = {};
  }
  return new AppError("conflict", "errors.conflict", {}, diffFields(loaded, current as Record<string, unknown>));
}
