import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cases } from "./cases";
import { healthCenters } from "./org";
import { inList } from "./sql-helpers";
import { users } from "./users";
import { encryptedText } from "./encrypted";

/** A transfer request's life (ADR 0032): open until the receiving office decides or the sender withdraws it. */
export const TRANSFER_STATUSES = ["requested", "accepted", "declined", "cancelled"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * A case handed from one office to another of the same prefecture (転出・転入, ADR 0032). The
 * sending office keeps the case until the receiving office's supervisor accepts it; the
 * acceptance date (JST) is the day the responsibility moves.
 */
export const caseTransfers = sqliteTable(
  "case_transfers",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromOfficeId: text("from_office_id")
      .notNull()
      .references(() => healthCenters.id),
    toOfficeId: text("to_office_id")
      .notNull()
      .references(() => healthCenters.id),
    reason: encryptedText("reason").notNull(),
    status: text("status", { enum: TRANSFER_STATUSES }).notNull(),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: text("requested_at").notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    /** Why the receiving office declined (shown to the sender). */
    decisionNote: encryptedText("decision_note"),
    /** The acceptance date in JST: from this day the receiving office is responsible. */
    effectiveDate: text("effective_date"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("case_transfers_status", inList(t.status, TRANSFER_STATUSES)),
    check("case_transfers_offices_differ", sql`${t.fromOfficeId} <> ${t.toOfficeId}`),
    check("case_transfers_accepted_dated", sql`(${t.status} = 'accepted') = (${t.effectiveDate} IS NOT NULL)`),
    index("case_transfers_case_idx").on(t.caseId),
    index("case_transfers_from_idx").on(t.fromOfficeId, t.status),
    index("case_transfers_to_idx").on(t.toOfficeId, t.status),
    index("case_transfers_requested_by_idx").on(t.requestedBy),
    index("case_transfers_decided_by_idx").on(t.decidedBy),
    // One open request per case.
    uniqueIndex("case_transfers_one_open_idx").on(t.caseId).where(sql`status = 'requested'`),
  ],
);
