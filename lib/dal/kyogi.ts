import "server-only";
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, kyogiBodies, meetings, municipalities, municipalKyogiStatus, regions } from "@/db/schema";
import type { KyogiForm, KyogiLevel } from "@/lib/domain/activity-codes";
import { fiscalYearRange, todayIso } from "@/lib/domain/fiscal-year";
import { standingYearDates } from "@/lib/domain/year-close";
import type { KyogiBodyInput, KyogiBodyUpdateInput } from "@/lib/validation/activities";
import type { MunicipalStatusTableInput } from "@/lib/validation/activities-tables";
import type { Actor } from "./actor";
import {
  hostOptionsFor,
  inFiscalYear,
  readableActivity,
  readableMunicipality,
  regionChoicesFor,
  requireActivityRead,
  requireActivityWrite,
  requirePrefectureWrite,
  requireRegionOf,
  resolveOwner,
  sharedListFilters,
  writableFlag,
  writesPrefectureRows,
} from "./activity-access";
import { deleteRecord, insertRecord, loadWritableRecord, ownerOf, updateRecord, type RecordSpec } from "./activity-records";
import { staleSaveConflict } from "./conflicts";
import { diffFields, writeAudit } from "./audit";
import { guardLockedYears } from "./year-close";
import { AppError } from "./errors";
import { onePage, type Page, type PageRequest } from "./pagination";
import { inPrefecture } from "./scope";

/*
 * The 協議の場 registry (bodies by level, with the office that runs each) and every
 * municipality's 協議の場 status per fiscal year. Bodies follow the activity ownership rule;
 * the municipal status is the prefecture's table: only the prefecture role writes it, and
 * offices read the rows of the municipalities they cover.
 */

const owner = ownerOf(kyogiBodies);
/**
 * A body counts in every fiscal year it stands in (S5, B.kyogi.*: established by the year's end,
 * not ended), so a change to it restates each of those years that is locked (ADR 0025).
 */
const KYOGI_BODY: RecordSpec<typeof kyogiBodies> = {
  table: kyogiBodies,
  entityType: "kyogi_body",
  yearDates: (v) => standingYearDates(v.establishedOn, v.endedOn, todayIso()),
};

export const KYOGI_SORT_KEYS = ["level", "name", "established", "host", "sessions"] as const;
export type KyogiSortKey = (typeof KYOGI_SORT_KEYS)[number];

export type KyogiFilter = { level?: KyogiLevel; host?: string; q?: string; activeOnly?: boolean; fiscalYear: number };

export type KyogiBodyRow = {
  id: string;
  level: KyogiLevel;
  name: string;
  regionName: string | null;
  municipalityName: string | null;
  officeName: string | null;
  establishedOn: string | null;
  active: boolean;
  /** Meetings of the fiscal year held as a session of this body. */
  sessions: number;
  canEdit: boolean;
};

const levelOrder = sql`CASE ${kyogiBodies.level} WHEN 'prefecture' THEN 0 WHEN 'region' THEN 1 ELSE 2 END`;

function sessionsIn(fy: number) {
  return sql<number>`(SELECT count(*) FROM ${meetings} WHERE ${meetings.kyogiBodyId} = ${kyogiBodies.id} AND ${inFiscalYear(meetings.date, fy)})`;
}

export function listKyogiBodiesForActor(actor: Actor, req: PageRequest<KyogiSortKey>, filter: KyogiFilter): Page<KyogiBodyRow> {
  requireActivityRead(actor);
  const db = getDb();
  // A body is no dated record: the year only counts its sessions, it filters nothing.
  const conditions: SQL[] = [readableActivity(actor, owner), ...sharedListFilters({ officeId: kyogiBodies.officeId, text: kyogiBodies.name }, { host: filter.host, q: filter.q })];
  if (filter.level) conditions.push(eq(kyogiBodies.level, filter.level));
  if (filter.activeOnly) conditions.push(eq(kyogiBodies.active, true));
  const where = and(...conditions)!;
  const sessions = sessionsIn(filter.fiscalYear);
  const order = {
    level: levelOrder,
    name: kyogiBodies.name,
    established: kyogiBodies.establishedOn,
    host: sql`coalesce(${healthCenters.sort}, -1)`,
    sessions,
  }[req.sort];
  const rows = onePage(
    db
      .select({
        id: kyogiBodies.id,
        level: kyogiBodies.level,
        name: kyogiBodies.name,
        regionName: regions.name,
        municipalityName: municipalities.name,
        officeName: healthCenters.name,
        establishedOn: kyogiBodies.establishedOn,
        active: kyogiBodies.active,
        sessions,
        canEdit: writableFlag(actor, owner),
      })
      .from(kyogiBodies)
      .leftJoin(regions, eq(regions.id, kyogiBodies.regionId))
      .leftJoin(municipalities, eq(municipalities.code, kyogiBodies.municipalityCode))
      .leftJoin(healthCenters, eq(healthCenters.id, kyogiBodies.officeId))
      .where(where),
    req,
    order,
    asc(levelOrder), asc(sql`coalesce(${regions.sort}, 0)`), asc(kyogiBodies.name),
  );
  const [{ n }] = db.select({ n: count() }).from(kyogiBodies).where(where).all() as [{ n: number }];
  return { rows: rows.map((r) => ({ ...r, canEdit: !!r.canEdit })), total: n, page: req.page, pageSize: req.pageSize };
}

export type KyogiBodyValues = {
  level: KyogiLevel;
  name: string;
  regionId: string | null;
  municipalityCode: string | null;
  officeId: string | null;
  establishedOn: string | null;
  active: boolean;
  endedOn: string | null;
};

function valuesOf(row: typeof kyogiBodies.$inferSelect): KyogiBodyValues {
  return { level: row.level, name: row.name, regionId: row.regionId, municipalityCode: row.municipalityCode, officeId: row.officeId, establishedOn: row.establishedOn, active: row.active, endedOn: row.endedOn };
}

/** A body's stored values as the form sends them, with its owner resolved. */
function bodyValues(input: KyogiBodyInput, officeId: string | null): KyogiBodyValues {
  return { level: input.level, name: input.name, regionId: input.regionId, municipalityCode: input.municipalityCode, officeId, establishedOn: input.establishedOn, active: input.active, endedOn: input.endedOn };
}

export type KyogiBodyDetail = { id: string; version: number; values: KyogiBodyValues; canEdit: boolean };

export function getKyogiBodyForEdit(actor: Actor, id: string): KyogiBodyDetail {
  const row = loadWritableRecord(actor, kyogiBodies, id);
  return { id: row.id, version: row.version, values: valuesOf(row), canEdit: true };
}

export function getKyogiFormOptionsForActor(actor: Actor) {
  requireActivityWrite(actor);
  const db = getDb();
  return {
    hosts: hostOptionsFor(actor),
    regions: regionChoicesFor(actor),
    municipalities: db
      .select({ code: municipalities.code, name: municipalities.name, officeId: municipalities.healthCenterId })
      .from(municipalities)
      .where(inPrefecture(actor, municipalities.prefectureCode))
      .orderBy(asc(municipalities.sort))
      .all(),
  };
}

/**
 * A region body run by an office belongs to that office's region; a municipal body run by an
 * office belongs to a municipality the office covers. The prefecture may register any.
 */
function checkPlace(actor: Actor, input: KyogiBodyInput, officeRegionId: string | null, officeId: string | null): void {
  const db = getDb();
  if (input.regionId) {
    const region = requireRegionOf(actor, input.regionId);
    if (officeId && region.id !== officeRegionId) throw new AppError("invalid", "activities.validation.kyogi.regionNotOffices", { regionId: "activities.validation.kyogi.regionNotOffices" });
  }
  if (input.municipalityCode) {
    const muni = db
      .select({ code: municipalities.code, officeId: municipalities.healthCenterId })
      .from(municipalities)
      .where(and(eq(municipalities.code, input.municipalityCode), inPrefecture(actor, municipalities.prefectureCode)))
      .get();
    if (!muni) throw new AppError("invalid", "activities.validation.kyogi.municipalityInvalid", { municipalityCode: "activities.validation.kyogi.municipalityInvalid" });
    if (officeId && muni.officeId !== officeId) {
      throw new AppError("invalid", "activities.validation.kyogi.municipalityNotOffices", { municipalityCode: "activities.validation.kyogi.municipalityNotOffices" });
    }
  }
}

export function createKyogiBody(actor: Actor, input: KyogiBodyInput): { id: string } {
  requireActivityWrite(actor);
  const owned = resolveOwner(actor, input.officeId);
  checkPlace(actor, input, owned.regionId, owned.officeId);
  const values = bodyValues(input, owned.officeId);
  return insertRecord(actor, KYOGI_BODY, values, values, undefined, input);
}

export function updateKyogiBody(actor: Actor, input: KyogiBodyUpdateInput): void {
  const row = loadWritableRecord(actor, kyogiBodies, input.id);
  const current = valuesOf(row);
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "kyogi_body", entityId: row.id });
  const owned = resolveOwner(actor, input.officeId);
  checkPlace(actor, input, owned.regionId, owned.officeId);
  const next = bodyValues(input, owned.officeId);
  updateRecord(actor, KYOGI_BODY, row, input, { current, next, set: next });
}

/** A body with recorded sessions stays (deactivate it instead), so no meeting loses its link. */
export function deleteKyogiBody(actor: Actor, id: string, version: number, restatementReason?: string): void {
  deleteRecord(actor, KYOGI_BODY, id, version, {
    restatementReason,
    refuse: (row) => {
      const [{ n }] = getDb().select({ n: count() }).from(meetings).where(eq(meetings.kyogiBodyId, row.id)).all() as [{ n: number }];
      if (n > 0) throw new AppError("invalid", "activities.kyogi.deleteHasSessions");
    },
  });
}

// ---------------------------------------------------------------------------------------
// Municipal 協議の場 status, one table per fiscal year

export type MunicipalStatusValues = {
  exists: boolean;
  form: KyogiForm | null;
  establishedOn: string | null;
  meetingsHeld: number | null;
  note: string | null;
};

export type MunicipalStatusRow = {
  code: string;
  name: string;
  regionName: string;
  officeName: string;
  /** The stored row's version (0: nothing recorded for the year yet). */
  version: number;
  /** Stored values, or the previous year's when copying; null when nothing is known. */
  values: MunicipalStatusValues | null;
  recorded: boolean;
};

export type MunicipalStatusTable = {
  fiscalYear: number;
  rows: MunicipalStatusRow[];
  canEdit: boolean;
  /** Whether the previous year has rows to copy from. */
  previousYearRecorded: boolean;
  copiedFrom: number | null;
};

function statusValues(r: typeof municipalKyogiStatus.$inferSelect): MunicipalStatusValues {
  return { exists: r.exists, form: r.form, establishedOn: r.establishedOn, meetingsHeld: r.meetingsHeld, note: r.note };
}

/**
 * Every municipality the actor may read, with its status for the year. With `copyPrevious`,
 * the values are the previous year's (versions stay this year's, so saving is still checked).
 */
export function getMunicipalStatusTableForActor(actor: Actor, fiscalYear: number, options: { copyPrevious?: boolean } = {}): MunicipalStatusTable {
  requireActivityRead(actor);
  const db = getDb();
  const munis = db
    .select({ code: municipalities.code, name: municipalities.name, regionName: regions.name, officeName: healthCenters.name })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .innerJoin(healthCenters, eq(healthCenters.id, municipalities.healthCenterId))
    .where(readableMunicipality(actor))
    .orderBy(asc(regions.sort), asc(municipalities.sort))
    .all();
  const codes = munis.map((m) => m.code);
  const load = (fy: number) =>
    new Map(
      (codes.length
        ? db.select().from(municipalKyogiStatus).where(and(inArray(municipalKyogiStatus.municipalityCode, codes), eq(municipalKyogiStatus.fiscalYear, fy))).all()
        : []
      ).map((r) => [r.municipalityCode, r]),
    );
  const stored = load(fiscalYear);
  const previous = load(fiscalYear - 1);
  const copy = !!options.copyPrevious && previous.size > 0;
  return {
    fiscalYear,
    canEdit: writesPrefectureRows(actor),
    previousYearRecorded: previous.size > 0,
    copiedFrom: copy ? fiscalYear - 1 : null,
    rows: munis.map((m) => {
      const own = stored.get(m.code);
      const source = copy ? previous.get(m.code) : own;
      return { ...m, version: own?.version ?? 0, values: source ? statusValues(source) : null, recorded: !!own };
    }),
  };
}

/**
 * Save the year's table at once. If any row was saved by someone else since the form was
 * loaded, nothing is written and the conflict lists those municipalities with their values now.
 * Rows that did not change are left alone (their version stays).
 */
export function saveMunicipalStatusTable(actor: Actor, input: MunicipalStatusTableInput): { changed: number } {
  requirePrefectureWrite(actor);
  const db = getDb();
  const codes = input.rows.map((r) => r.municipalityCode);
  const known = new Set(
    (codes.length ? db.select({ code: municipalities.code }).from(municipalities).where(and(inArray(municipalities.code, codes), inPrefecture(actor, municipalities.prefectureCode))).all() : []).map((m) => m.code),
  );
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw new AppError("invalid", "activities.validation.kyogiStatus.municipalityInvalid");
  const now = new Date().toISOString();
  let changed = 0;
  db.transaction((tx) => {
    const stored = new Map(
      (codes.length ? tx.select().from(municipalKyogiStatus).where(and(inArray(municipalKyogiStatus.municipalityCode, codes), eq(municipalKyogiStatus.fiscalYear, input.fiscalYear))).all() : []).map((r) => [
        r.municipalityCode,
        r,
      ]),
    );
    const conflicts: Record<string, [unknown, unknown]> = {};
    for (const row of input.rows) {
      const current = stored.get(row.municipalityCode);
      if ((current?.version ?? 0) !== row.version) conflicts[row.municipalityCode] = [null, current ? statusValues(current) : null];
    }
    if (Object.keys(conflicts).length) throw new AppError("conflict", "activities.kyogiStatus.conflict", {}, conflicts);
    const changes: Record<string, Record<string, [unknown, unknown]>> = {};
    for (const row of input.rows) {
      const current = stored.get(row.municipalityCode);
      const next: MunicipalStatusValues = { exists: row.exists, form: row.form, establishedOn: row.establishedOn, meetingsHeld: row.meetingsHeld, note: row.note };
      const diff = diffFields(current ? statusValues(current) : { exists: null, form: null, establishedOn: null, meetingsHeld: null, note: null }, next);
      if (current && Object.keys(diff).length === 0) continue;
      if (current) {
        const result = tx
          .update(municipalKyogiStatus)
          .set({ ...next, version: current.version + 1, updatedBy: actor.id, updatedAt: now })
          .where(and(eq(municipalKyogiStatus.municipalityCode, row.municipalityCode), eq(municipalKyogiStatus.fiscalYear, input.fiscalYear), eq(municipalKyogiStatus.version, current.version)))
          .run();
        if (result.changes === 0) throw new AppError("conflict", "activities.kyogiStatus.conflict", {}, { [row.municipalityCode]: [null, null] });
      } else {
        tx.insert(municipalKyogiStatus)
          .values({ municipalityCode: row.municipalityCode, fiscalYear: input.fiscalYear, prefectureCode: actor.prefectureCode, ...next, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
          .run();
      }
      changes[row.municipalityCode] = diff;
      changed++;
    }
    if (changed > 0) {
      // A locked year's status changes only with a reason, kept as a restatement (ADR 0025).
      const entityId = `${actor.prefectureCode}:${input.fiscalYear}`;
      guardLockedYears(tx, actor, { entityType: "municipal_kyogi_status", entityId, officeId: null, action: "update", dates: [fiscalYearRange(input.fiscalYear).start], changes, reason: input.restatementReason });
      writeAudit(tx, actor, { action: "update", entityType: "municipal_kyogi_status", entityId, detail: { fiscalYear: input.fiscalYear, changes } });
    }
  });
  return { changed };
}
