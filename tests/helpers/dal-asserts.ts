import assert from "node:assert/strict";
import { desc, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { isAppError, type SavedBy } from "@/lib/dal/errors";

/** The audit row written last (rowid order: ulids of one millisecond do not sort by time). */
export function lastAudit() {
  return getDb().select().from(auditLogs).orderBy(desc(sql`rowid`)).get()!;
}

/** The AppError a DAL call throws, as plain fields; fails the test when it throws none. */
export function thrown(fn: () => unknown): { code: string; conflicts: Record<string, [unknown, unknown]>; fieldErrors: Record<string, string>; messageKey: string; savedBy?: SavedBy } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, conflicts: e.conflicts, fieldErrors: e.fieldErrors, messageKey: e.messageKey, savedBy: e.savedBy };
    throw e;
  }
  assert.fail("expected an AppError");
}
