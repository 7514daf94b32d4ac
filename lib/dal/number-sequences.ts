import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseNumberSequences, outreachNumberSequences } from "@/db/schema";

/** Which yearly numbering a record takes: discharge-support cases and outreach cases count apart. */
export type NumberSequence = "case" | "outreach";

const TABLES = { case: caseNumberSequences, outreach: outreachNumberSequences } as const;

/**
 * The next number of an office's sequence for a fiscal year (1 for the year's first record).
 * Runs inside the caller's write transaction, in one upsert, so two people saving at once never
 * draw the same number and a rolled-back save leaves no gap.
 */
export function nextNumber(tx: Tx, sequence: NumberSequence, officeId: string, fiscalYear: number): number {
  const table = TABLES[sequence];
  const [{ lastSeq }] = tx
    .insert(table)
    .values({ officeId, fiscalYear, lastSeq: 1 })
    .onConflictDoUpdate({ target: [table.officeId, table.fiscalYear], set: { lastSeq: sql`${table.lastSeq} + 1` } })
    .returning({ lastSeq: table.lastSeq })
    .all() as [{ lastSeq: number }];
  return lastSeq;
}
