import "server-only";
import { and, asc, eq, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicatorNarratives, prefectureYearFacts, sheetIndicators } from "@/db/schema";
import type { Label } from "@/lib/domain/codes";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { indicatorDefinition, INDICATORS, isIndicatorCode } from "@/lib/domain/indicators/definitions";
import type { NarrativeInput, SheetRowAddInput, SheetRowHeadingInput, SheetRowMoveInput, YearFactsInput } from "@/lib/validation/sheet-settings";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { guardLockedYears } from "./year-close";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { canManageIndicatorInputs, isUniqueViolation, requireIndicatorInputRead, requireIndicatorInputWrite } from "./indicator-input-access";
import { inPrefecture } from "./scope";

/*
 * The 自治体情報シート's own settings (ADR 0021): which indicators the prefecture reports on its
 * sheet (order and its own heading), the 具体的な成果・効果 text of each per fiscal year, and the
 * year's facts no record holds (the 協議会's 精神部会, the hostel's 利用者実数). The prefecture role
 * edits them for its own prefecture; office staff read them. Each row is saved on its own, with
 * its version and an audit row in the same transaction.
 */

export type SheetRow = {
  indicatorCode: string;
  sort: number;
  /** The prefecture's own wording; null shows the indicator's name. */
  heading: string | null;
  name: Label;
  version: number;
  /** The year's 具体的な成果・効果, or null when none is written. */
  narrative: { text: string; version: number } | null;
};

export type YearFacts = {
  jiritsuMhSubcommittee: boolean | null;
  hostelUniqueUsers: number | null;
  /** The sheet's 協議の場 block is as of 1 April after the year (山口県's 「R4年4月時点」 on its R3 sheet). */
  kyogiAsOfNextApril: boolean;
};

export type SheetSettings = {
  fiscalYear: number;
  rows: SheetRow[];
  /** The year's facts; version 0 when nothing is recorded for the year. */
  facts: YearFacts & { version: number };
  /** Registry indicators not on the sheet yet, in registry order (the add form's choices). */
  available: { code: string; name: Label }[];
  canEdit: boolean;
};

const notFound = () => new AppError("not_found", "errors.notFound");
const nameOf = (code: string): Label => indicatorDefinition(code)?.name ?? { ja: code, en: code };

/** The sheet's rows, narratives of the year and the year's facts, for the actor's prefecture. */
export function getSheetSettingsForActor(actor: Actor, fiscalYear: number): SheetSettings {
  requireIndicatorInputRead(actor);
  const db = getDb();
  const rows = db.select().from(sheetIndicators).where(inPrefecture(actor, sheetIndicators.prefectureCode)).orderBy(asc(sheetIndicators.sort), asc(sheetIndicators.indicatorCode)).all();
  const narratives = new Map(
    db
      .select()
      .from(indicatorNarratives)
      .where(and(inPrefecture(actor, indicatorNarratives.prefectureCode), eq(indicatorNarratives.fiscalYear, fiscalYear)))
      .all()
      .map((n) => [n.indicatorCode, n]),
  );
  const facts = db
    .select()
    .from(prefectureYearFacts)
    .where(and(inPrefecture(actor, prefectureYearFacts.prefectureCode), eq(prefectureYearFacts.fiscalYear, fiscalYear)))
    .get();
  const onSheet = new Set(rows.map((r) => r.indicatorCode));
  return {
    fiscalYear,
    rows: rows.map((r) => {
      const n = narratives.get(r.indicatorCode);
      return { indicatorCode: r.indicatorCode, sort: r.sort, heading: r.heading, name: nameOf(r.indicatorCode), version: r.version, narrative: n ? { text: n.text, version: n.version } : null };
    }),
    facts: {
      jiritsuMhSubcommittee: facts?.jiritsuMhSubcommittee ?? null,
      hostelUniqueUsers: facts?.hostelUniqueUsers ?? null,
      kyogiAsOfNextApril: facts?.kyogiAsOfNextApril ?? false,
      version: facts?.version ?? 0,
    },
    available: INDICATORS.filter((d) => !onSheet.has(d.code)).map((d) => ({ code: d.code, name: d.name })),
    canEdit: canManageIndicatorInputs(actor),
  };
}

function loadRow(actor: Actor, indicatorCode: string) {
  const row = getDb()
    .select()
    .from(sheetIndicators)
    .where(and(inPrefecture(actor, sheetIndicators.prefectureCode), eq(sheetIndicators.indicatorCode, indicatorCode)))
    .get();
  if (!row) throw notFound();
  return row;
}

const rowId = (actor: Actor, code: string) => `${actor.prefectureCode}:${code}`;

/** Put an indicator on the sheet, last. An indicator already on it is refused. */
export function addSheetRow(actor: Actor, input: SheetRowAddInput): void {
  requireIndicatorInputWrite(actor);
  if (!isIndicatorCode(input.indicatorCode)) throw new AppError("invalid", "indicatorInputs.validation.sheet.indicatorUnknown", { indicatorCode: "indicatorInputs.validation.sheet.indicatorUnknown" });
  const db = getDb();
  const now = new Date().toISOString();
  try {
    db.transaction((tx) => {
      const [{ last }] = tx.select({ last: max(sheetIndicators.sort) }).from(sheetIndicators).where(inPrefecture(actor, sheetIndicators.prefectureCode)).all() as [{ last: number | null }];
      const sort = (last ?? 0) + 1;
      tx.insert(sheetIndicators)
        .values({ prefectureCode: actor.prefectureCode, indicatorCode: input.indicatorCode, sort, heading: input.heading, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
        .run();
      writeAudit(tx, actor, { action: "create", entityType: "sheet_indicator", entityId: rowId(actor, input.indicatorCode), detail: { indicatorCode: input.indicatorCode, sort, heading: input.heading } });
    });
  } catch (error) {
    if (isUniqueViolation(error) || (error instanceof Error && "code" in error && (error as { code: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY")) {
      throw new AppError("invalid", "indicatorInputs.validation.sheet.alreadyOnSheet", { indicatorCode: "indicatorInputs.validation.sheet.alreadyOnSheet" });
    }
    throw error;
  }
}

/** Change a row's heading; a stale version writes nothing and says what it is now. */
export function updateSheetRowHeading(actor: Actor, input: SheetRowHeadingInput): void {
  requireIndicatorInputWrite(actor);
  const row = loadRow(actor, input.indicatorCode);
  const current = { heading: row.heading };
  if (row.version !== input.version) throw staleSaveConflict(input.base, current);
  const changes = diffFields(current, { heading: input.heading });
  if (Object.keys(changes).length === 0) return;
  getDb().transaction((tx) => {
    const result = tx
      .update(sheetIndicators)
      .set({ heading: input.heading, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(inPrefecture(actor, sheetIndicators.prefectureCode), eq(sheetIndicators.indicatorCode, row.indicatorCode), eq(sheetIndicators.version, input.version)))
      .run();
    if (result.changes === 0) throw staleSaveConflict(input.base, current);
    writeAudit(tx, actor, { action: "update", entityType: "sheet_indicator", entityId: rowId(actor, row.indicatorCode), detail: { changes } });
  });
}

/** Move a row one place up or down (it swaps places with its neighbour). The first row cannot go up, nor the last down. */
export function moveSheetRow(actor: Actor, input: SheetRowMoveInput): void {
  requireIndicatorInputWrite(actor);
  const row = loadRow(actor, input.indicatorCode);
  if (row.version !== input.version) throw new AppError("conflict", "indicatorInputs.sheet.rows.moveConflict");
  const db = getDb();
  db.transaction((tx) => {
    const rows = tx.select().from(sheetIndicators).where(inPrefecture(actor, sheetIndicators.prefectureCode)).orderBy(asc(sheetIndicators.sort), asc(sheetIndicators.indicatorCode)).all();
    const at = rows.findIndex((r) => r.indicatorCode === row.indicatorCode);
    const other = rows[input.direction === "up" ? at - 1 : at + 1];
    if (!other) return;
    const now = new Date().toISOString();
    // Distinct sorts even where two rows shared one: the moved row takes the neighbour's place.
    const [mine, theirs] = other.sort === row.sort ? (input.direction === "up" ? [row.sort - 1, row.sort] : [row.sort + 1, row.sort]) : [other.sort, row.sort];
    const moved = tx
      .update(sheetIndicators)
      .set({ sort: mine, version: row.version + 1, updatedBy: actor.id, updatedAt: now })
      .where(and(inPrefecture(actor, sheetIndicators.prefectureCode), eq(sheetIndicators.indicatorCode, row.indicatorCode), eq(sheetIndicators.version, input.version)))
      .run();
    if (moved.changes === 0) throw new AppError("conflict", "indicatorInputs.sheet.rows.moveConflict");
    tx.update(sheetIndicators)
      .set({ sort: theirs, version: other.version + 1, updatedBy: actor.id, updatedAt: now })
      .where(and(inPrefecture(actor, sheetIndicators.prefectureCode), eq(sheetIndicators.indicatorCode, other.indicatorCode)))
      .run();
    writeAudit(tx, actor, {
      action: "update",
      entityType: "sheet_indicator",
      entityId: rowId(actor, row.indicatorCode),
      detail: { changes: { sort: [row.sort, mine] }, swappedWith: other.indicatorCode },
    });
  });
}

/**
 * Take an indicator off the sheet, at the version the actor saw. Its narratives stay (they are
 * the year's record of what was reported, and come back if the indicator is put on again).
 */
export function removeSheetRow(actor: Actor, indicatorCode: string, version: number): void {
  requireIndicatorInputWrite(actor);
  const row = loadRow(actor, indicatorCode);
  if (row.version !== version) throw new AppError("conflict", "indicatorInputs.common.deleteConflict");
  getDb().transaction((tx) => {
    const result = tx
      .delete(sheetIndicators)
      .where(and(inPrefecture(actor, sheetIndicators.prefectureCode), eq(sheetIndicators.indicatorCode, indicatorCode), eq(sheetIndicators.version, version)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "indicatorInputs.common.deleteConflict");
    writeAudit(tx, actor, { action: "delete", entityType: "sheet_indicator", entityId: rowId(actor, indicatorCode), detail: { snapshot: { indicatorCode, sort: row.sort, heading: row.heading } } });
  });
}

/**
 * Save one row's 具体的な成果・効果 for a fiscal year. `version` is what the form was loaded with
 * (0: none yet). Someone else's save in between writes nothing and reports the text now, if it
 * differs from the text the form was loaded with (`base`); an empty text removes the year's
 * narrative. Only indicators on the sheet take one.
 */
export function saveNarrative(actor: Actor, input: NarrativeInput): { changed: boolean } {
  requireIndicatorInputWrite(actor);
  loadRow(actor, input.indicatorCode);
  const db = getDb();
  const now = new Date().toISOString();
  const entityId = `${actor.prefectureCode}:${input.indicatorCode}:${input.fiscalYear}`;
  const where = (version?: number) =>
    and(
      inPrefecture(actor, indicatorNarratives.prefectureCode),
      eq(indicatorNarratives.indicatorCode, input.indicatorCode),
      eq(indicatorNarratives.fiscalYear, input.fiscalYear),
      version === undefined ? undefined : eq(indicatorNarratives.version, version),
    );
  let changed = false;
  db.transaction((tx) => {
    const stored = tx.select().from(indicatorNarratives).where(where()).get();
    // What someone else changed since the form was loaded (`base`), with the text now.
    const conflict = () => staleSaveConflict(input.base, { text: tx.select().from(indicatorNarratives).where(where()).get()?.text ?? null });
    if ((stored?.version ?? 0) !== input.version) throw conflict();
    // A locked year's sheet text changes only with a reason, kept as a restatement (ADR 0025).
    if (input.text !== (stored?.text ?? "")) {
      guardLockedYears(tx, actor, {
        entityType: "indicator_narrative",
        entityId,
        officeId: null,
        action: !stored ? "create" : input.text === "" ? "delete" : "update",
        dates: [fiscalYearRange(input.fiscalYear).start],
        changes: { text: [stored?.text ?? null, input.text || null] },
        reason: input.restatementReason,
      });
    }
    if (!stored) {
      if (input.text === "") return;
      tx.insert(indicatorNarratives)
        .values({ prefectureCode: actor.prefectureCode, indicatorCode: input.indicatorCode, fiscalYear: input.fiscalYear, text: input.text, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
        .run();
      writeAudit(tx, actor, { action: "create", entityType: "indicator_narrative", entityId, detail: { text: input.text } });
    } else if (input.text === "") {
      tx.delete(indicatorNarratives).where(where(stored.version)).run();
      writeAudit(tx, actor, { action: "delete", entityType: "indicator_narrative", entityId, detail: { snapshot: { text: stored.text } } });
    } else if (input.text !== stored.text) {
      const result = tx
        .update(indicatorNarratives)
        .set({ text: input.text, version: stored.version + 1, updatedBy: actor.id, updatedAt: now })
        .where(where(stored.version))
        .run();
      if (result.changes === 0) throw conflict();
      writeAudit(tx, actor, { action: "update", entityType: "indicator_narrative", entityId, detail: { changes: { text: [stored.text, input.text] } } });
    } else return;
    changed = true;
  });
  return { changed };
}

/** Save the year's facts (精神部会 有/無/未記録, hostel 利用者実数, the 協議の場 block's date); same version rule as a narrative. */
export function saveYearFacts(actor: Actor, input: YearFactsInput): { changed: boolean } {
  requireIndicatorInputWrite(actor);
  const db = getDb();
  const now = new Date().toISOString();
  const where = and(inPrefecture(actor, prefectureYearFacts.prefectureCode), eq(prefectureYearFacts.fiscalYear, input.fiscalYear));
  const next: YearFacts = { jiritsuMhSubcommittee: input.jiritsuMhSubcommittee, hostelUniqueUsers: input.hostelUniqueUsers, kyogiAsOfNextApril: input.kyogiAsOfNextApril };
  let changed = false;
  db.transaction((tx) => {
    const stored = tx.select().from(prefectureYearFacts).where(where).get();
    const current: YearFacts = {
      jiritsuMhSubcommittee: stored?.jiritsuMhSubcommittee ?? null,
      hostelUniqueUsers: stored?.hostelUniqueUsers ?? null,
      kyogiAsOfNextApril: stored?.kyogiAsOfNextApril ?? false,
    };
    if ((stored?.version ?? 0) !== input.version) throw staleSaveConflict(input.base, current);
    const changes = diffFields(current, next);
    if (Object.keys(changes).length === 0) return;
    const entityId = `${actor.prefectureCode}:${input.fiscalYear}`;
    guardLockedYears(tx, actor, {
      entityType: "prefecture_year_facts",
      entityId,
      officeId: null,
      action: stored ? "update" : "create",
      dates: [fiscalYearRange(input.fiscalYear).start],
      changes,
      reason: input.restatementReason,
    });
    if (!stored) {
      tx.insert(prefectureYearFacts)
        .values({ prefectureCode: actor.prefectureCode, fiscalYear: input.fiscalYear, ...next, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
        .run();
      writeAudit(tx, actor, { action: "create", entityType: "prefecture_year_facts", entityId, detail: { fiscalYear: input.fiscalYear, ...next } });
    } else {
      const result = tx
        .update(prefectureYearFacts)
        .set({ ...next, version: stored.version + 1, updatedBy: actor.id, updatedAt: now })
        .where(and(where, eq(prefectureYearFacts.version, stored.version)))
        .run();
      if (result.changes === 0) throw staleSaveConflict(input.base, current);
      writeAudit(tx, actor, { action: "update", entityType: "prefecture_year_facts", entityId, detail: { changes } });
    }
    changed = true;
  });
  return { changed };
}

// ---------------------------------------------------------------------------------------
// For the indicator engine. No permission check and no actor: the engine calls these after
// its own checks of the actor and the prefecture (read:indicator:reach, the actor's
// prefecture). Do not call them with a prefecture code taken from the request unchecked.

/** The indicators the prefecture reports on its sheet, in its order, with its own headings. */
export function sheetRowsFor(prefectureCode: string): { indicatorCode: string; sort: number; heading: string | null }[] {
  return getDb()
    .select({ indicatorCode: sheetIndicators.indicatorCode, sort: sheetIndicators.sort, heading: sheetIndicators.heading })
    .from(sheetIndicators)
    .where(eq(sheetIndicators.prefectureCode, prefectureCode))
    .orderBy(asc(sheetIndicators.sort), asc(sheetIndicators.indicatorCode))
    .all();
}

/** 具体的な成果・効果 per indicator code for the fiscal year (indicators without text are absent). */
export function narrativesFor(prefectureCode: string, fiscalYear: number): Map<string, string> {
  return new Map(
    getDb()
      .select({ code: indicatorNarratives.indicatorCode, text: indicatorNarratives.text })
      .from(indicatorNarratives)
      .where(and(eq(indicatorNarratives.prefectureCode, prefectureCode), eq(indicatorNarratives.fiscalYear, fiscalYear)))
      .all()
      .map((n) => [n.code, n.text]),
  );
}

/** The year's facts, or null when nothing is recorded for the year (精神部会 and the hostel may each be null: 未記録). */
export function yearFactsFor(prefectureCode: string, fiscalYear: number): YearFacts | null {
  const row = getDb()
    .select({ jiritsuMhSubcommittee: prefectureYearFacts.jiritsuMhSubcommittee, hostelUniqueUsers: prefectureYearFacts.hostelUniqueUsers, kyogiAsOfNextApril: prefectureYearFacts.kyogiAsOfNextApril })
    .from(prefectureYearFacts)
    .where(and(eq(prefectureYearFacts.prefectureCode, prefectureCode), eq(prefectureYearFacts.fiscalYear, fiscalYear)))
    .get();
  return row ?? null;
}
