import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { hostelMonths, phoneLineMonths } from "@/db/schema";
import { monthsOfFiscalYear, type HostelMonthFigures, type PhoneMonthFigures } from "@/lib/domain/activity-rules";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { HOSTEL_FIELDS, PHONE_FIELDS, type HostelTableInput, type PhoneTableInput } from "@/lib/validation/activities-tables";
import type { Actor } from "./actor";
import { requireActivityRead, requirePrefectureWrite, writesPrefectureRows } from "./activity-access";
import { diffFields, writeAudit } from "./audit";
import type { Restating } from "./record-corrections";
import { guardLockedYears } from "./year-close";
import { AppError } from "./errors";
import { inPrefecture } from "./scope";

/*
 * The contracted services' monthly reports (岡山県 地域移行促進センター事業): the 24-hour phone
 * line and the hostel. One row per prefecture and month; the prefecture role enters them as
 * a 12-month table per fiscal year, everyone of the prefecture with read:activity reads them.
 */

export type MonthCell<F> = { month: string; version: number; figures: F | null; note: string | null };

export type MonthlyTable<F> = {
  fiscalYear: number;
  months: MonthCell<F>[];
  canEdit: boolean;
  /** The prefecture has ever reported this service (the page explains it otherwise). */
  runsService: boolean;
};

const pick = <F extends string>(row: Record<string, unknown>, fields: readonly F[]) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) as Record<F, number>;

type TableSpec = {
  table: typeof phoneLineMonths | typeof hostelMonths;
  /** The month's figures (what the table and the charts show). */
  figures: readonly string[];
  /** Everything a save writes: the figures and the note. */
  fields: readonly string[];
  entityType: "phone_line_month" | "hostel_month";
};

const PHONE: TableSpec = { table: phoneLineMonths, figures: PHONE_FIELDS, fields: [...PHONE_FIELDS, "note"], entityType: "phone_line_month" };
const HOSTEL: TableSpec = { table: hostelMonths, figures: HOSTEL_FIELDS, fields: [...HOSTEL_FIELDS, "note"], entityType: "hostel_month" };

/** A fiscal year's twelve months of one report for the actor's prefecture; a month not reported has no figures. */
function getTable<F>(actor: Actor, spec: TableSpec, fiscalYear: number): MonthlyTable<F> {
  requireActivityRead(actor);
  const db = getDb();
  const { table } = spec;
  const months = monthsOfFiscalYear(fiscalYear);
  const rows = new Map(db.select().from(table).where(and(inPrefecture(actor, table.prefectureCode), inArray(table.month, months))).all().map((r) => [r.month, r]));
  const [{ n }] = db.select({ n: count() }).from(table).where(inPrefecture(actor, table.prefectureCode)).all() as [{ n: number }];
  return {
    fiscalYear,
    canEdit: writesPrefectureRows(actor),
    runsService: n > 0,
    months: months.map((month) => {
      const r = rows.get(month);
      return { month, version: r?.version ?? 0, figures: r ? (pick(r, spec.figures) as unknown as F) : null, note: r?.note ?? null };
    }),
  };
}

export function getPhoneTableForActor(actor: Actor, fiscalYear: number): MonthlyTable<PhoneMonthFigures> {
  return getTable(actor, PHONE, fiscalYear);
}

export function getHostelTableForActor(actor: Actor, fiscalYear: number): MonthlyTable<HostelMonthFigures> {
  return getTable(actor, HOSTEL, fiscalYear);
}

/**
 * Save a year's months at once. Any month saved by someone else since the form was loaded
 * stops the whole save (nothing written) and is reported with its values now.
 */
function saveTable(actor: Actor, spec: TableSpec, fiscalYear: number, rows: (Record<string, unknown> & { month: string; version: number })[], restating: Restating): { changed: number } {
  requirePrefectureWrite(actor);
  const allowed = new Set(monthsOfFiscalYear(fiscalYear));
  if (rows.some((r) => !allowed.has(r.month))) throw new AppError("invalid", "activities.validation.fiscalYearInvalid");
  const { table } = spec;
  const now = new Date().toISOString();
  let changed = 0;
  getDb().transaction((tx) => {
    const months = rows.map((r) => r.month);
    const stored = new Map(
      (months.length ? tx.select().from(table).where(and(eq(table.prefectureCode, actor.prefectureCode), inArray(table.month, months))).all() : []).map((r) => [r.month, r as Record<string, unknown> & { version: number }]),
    );
    const conflicts: Record<string, [unknown, unknown]> = {};
    for (const row of rows) {
      const current = stored.get(row.month);
      if ((current?.version ?? 0) !== row.version) conflicts[row.month] = [null, current ? pick(current, spec.fields) : null];
    }
    if (Object.keys(conflicts).length) throw new AppError("conflict", "activities.monthly.conflict", {}, conflicts);
    const changes: Record<string, Record<string, [unknown, unknown]>> = {};
    for (const row of rows) {
      const current = stored.get(row.month);
      const next: Record<string, unknown> = Object.fromEntries(spec.fields.map((f) => [f, row[f] ?? null]));
      const before: Record<string, unknown> = current ? pick(current, spec.fields) : Object.fromEntries(spec.fields.map((f) => [f, null]));
      const diff = diffFields(before, next);
      if (current && Object.keys(diff).length === 0) continue;
      if (current) {
        const result = tx
          .update(table)
          .set({ ...next, version: current.version + 1, updatedBy: actor.id, updatedAt: now })
          .where(and(eq(table.prefectureCode, actor.prefectureCode), eq(table.month, row.month), eq(table.version, current.version)))
          .run();
        if (result.changes === 0) throw new AppError("conflict", "activities.monthly.conflict", {}, { [row.month]: [null, null] });
      } else {
        tx.insert(table)
          .values({ prefectureCode: actor.prefectureCode, month: row.month, ...next, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now } as typeof table.$inferInsert)
          .run();
      }
      changes[row.month] = diff;
      changed++;
    }
    if (changed > 0) {
      // A locked year's figures change only with a reason, kept as a restatement (ADR 0025).
      const entityId = `${actor.prefectureCode}:${fiscalYear}`;
      guardLockedYears(tx, actor, { entityType: spec.entityType, entityId, officeId: null, action: "update", dates: [fiscalYearRange(fiscalYear).start], changes, reason: restating.restatementReason });
      writeAudit(tx, actor, { action: "update", entityType: spec.entityType, entityId, detail: { fiscalYear, changes } });
    }
  });
  return { changed };
}

export function savePhoneTable(actor: Actor, input: PhoneTableInput): { changed: number } {
  return saveTable(actor, PHONE, input.fiscalYear, input.rows, input);
}

export function saveHostelTable(actor: Actor, input: HostelTableInput): { changed: number } {
  return saveTable(actor, HOSTEL, input.fiscalYear, input.rows, input);
}
