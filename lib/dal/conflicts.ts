import "server-only";
import { jsonObject } from "@/lib/domain/json-object";
import { diffFields } from "./audit";
import { AppError } from "./errors";

/**
 * The answer to a stale save (the record's version moved on since the form was loaded): nothing
 * is written, and the caller learns field by field what someone else changed since the values
 * the form was loaded with (`base`, JSON; anything else reads as nothing loaded, so every stored
 * field is reported), as `{ field: [loaded, now] }`. The user's own edits are not compared, so
 * they are never listed.
 */
export function staleSaveConflict(base: string | undefined, current: object): AppError {
  return new AppError("conflict", "errors.conflict", {}, diffFields(jsonObject(base), current as Record<string, unknown>));
}
