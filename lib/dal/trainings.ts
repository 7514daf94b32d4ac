import "server-only";
import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { healthCenters, regions, trainingAttendance, trainingEventCohosts, trainingEvents } from "@/db/schema";
import { PROFESSIONS, type Profession, type TrainingKind, type TrainingScope } from "@/lib/domain/activity-codes";
import { countsFrom, sumCounts } from "@/lib/domain/activity-rules";
import { professionField, type TrainingInput, type TrainingUpdateInput } from "@/lib/validation/activities";
import type { Actor } from "./actor";
import {
  hostOptionsFor,
  readableActivity,
  regionChoicesFor,
  requireActivityRead,
  requireActivityWrite,
  requireRegionOf,
  resolveOwner,
  sharedListFilters,
  writableFlag,
} from "./activity-access";
import { deleteRecord, insertRecord, latestOwnRecord, loadWritableRecord, ownerOf, updateRecord, type RecordSpec } from "./activity-records";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { onePage, type Page, type PageRequest } from "./pagination";
import { inPrefecture, inReach } from "./scope";

/*
 * Training events (研修): counted by scope (県全域 / 圏域 / 保健所・支所圏域), which is a column
 * of its own and independent of who recorded the training, with attendance by profession.
 * A joint training (県北3保健所合同) is recorded once by its host; its co-hosting offices can
 * read it too, but only the host (and whoever reaches the host) can change it.
 */

const owner = ownerOf(trainingEvents);
/** A training counts in the fiscal year of its date (ADR 0025). */
const TRAINING: RecordSpec<typeof trainingEvents> = { table: trainingEvents, entityType: "training_event", yearDates: (v) => [v.date] };

/** Readable: the owner rule, or co-hosted by an office in reach (same prefecture). */
export function readableTraining(actor: Actor): SQL {
  const cohostInReach = exists(
    getDb()
      .select({ one: sql`1` })
      .from(trainingEventCohosts)
      .where(and(eq(trainingEventCohosts.trainingEventId, trainingEvents.id), inReach(actor, trainingEventCohosts.officeId))),
  );
  return or(readableActivity(actor, owner), and(inPrefecture(actor, trainingEvents.prefectureCode), cohostInReach))!;
}

export const TRAINING_SORT_KEYS = ["date", "kind", "scope", "title", "host", "attendance"] as const;
export type TrainingSortKey = (typeof TRAINING_SORT_KEYS)[number];

export type TrainingFilter = { fiscalYear?: number; kind?: TrainingKind; scope?: TrainingScope; host?: string; q?: string };

export type TrainingListRow = {
  id: string;
  date: string;
  kind: TrainingKind;
  scope: TrainingScope;
  title: string;
  officeName: string | null;
  regionName: string | null;
  cohostNames: string[];
  sessions: number;
  attendanceTotal: number;
  canEdit: boolean;
};

const attendanceTotal = sql<number>`(SELECT coalesce(sum(${trainingAttendance.count}), 0) FROM ${trainingAttendance} WHERE ${trainingAttendance.trainingEventId} = ${trainingEvents.id})`;

function trainingConditions(actor: Actor, filter: TrainingFilter): SQL {
  const conditions: SQL[] = [readableTraining(actor), ...sharedListFilters({ date: trainingEvents.date, officeId: trainingEvents.officeId, text: trainingEvents.title }, filter)];
  if (filter.kind) conditions.push(eq(trainingEvents.kind, filter.kind));
  if (filter.scope) conditions.push(eq(trainingEvents.scope, filter.scope));
  return and(...conditions)!;
}

function cohostsOf(ids: string[]): Map<string, { id: string; name: string }[]> {
  const map = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return map;
  const rows = getDb()
    .select({ trainingId: trainingEventCohosts.trainingEventId, id: healthCenters.id, name: healthCenters.name })
    .from(trainingEventCohosts)
    .innerJoin(healthCenters, eq(healthCenters.id, trainingEventCohosts.officeId))
    .where(inArray(trainingEventCohosts.trainingEventId, ids))
    .orderBy(asc(healthCenters.sort))
    .all();
  for (const r of rows) map.set(r.trainingId, [...(map.get(r.trainingId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

export function listTrainingsForActor(actor: Actor, req: PageRequest<TrainingSortKey>, filter: TrainingFilter): Page<TrainingListRow> {
  requireActivityRead(actor);
  const db = getDb();
  const where = trainingConditions(actor, filter);
  const order = {
    date: trainingEvents.date,
    kind: trainingEvents.kind,
    scope: trainingEvents.scope,
    title: trainingEvents.title,
    host: sql`coalesce(${healthCenters.sort}, -1)`,
    attendance: attendanceTotal,
  }[req.sort];
  const rows = onePage(
    db
      .select({
        id: trainingEvents.id,
        date: trainingEvents.date,
        kind: trainingEvents.kind,
        scope: trainingEvents.scope,
        title: trainingEvents.title,
        officeName: healthCenters.name,
        regionName: regions.name,
        sessions: trainingEvents.sessions,
        attendanceTotal,
        canEdit: writableFlag(actor, owner),
      })
      .from(trainingEvents)
      .leftJoin(healthCenters, eq(healthCenters.id, trainingEvents.officeId))
      .leftJoin(regions, eq(regions.id, trainingEvents.regionId))
      .where(where),
    req,
    order,
    desc(trainingEvents.date), asc(trainingEvents.id),
  );
  const [{ n }] = db.select({ n: count() }).from(trainingEvents).where(where).all() as [{ n: number }];
  const cohosts = cohostsOf(rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, canEdit: !!r.canEdit, cohostNames: (cohosts.get(r.id) ?? []).map((c) => c.name) })),
    total: n,
    page: req.page,
    pageSize: req.pageSize,
  };
}

export type TrainingValues = {
  kind: TrainingKind;
  scope: TrainingScope;
  regionId: string | null;
  date: string;
  title: string;
  venue: string | null;
  sessions: number;
  note: string | null;
  officeId: string | null;
  cohostIds: string[];
} & Record<`prof_${Profession}`, number>;

export type TrainingDetail = {
  id: string;
  version: number;
  values: TrainingValues;
  attendance: Record<Profession, number>;
  attendanceTotal: number;
  officeName: string | null;
  regionName: string | null;
  cohosts: { id: string; name: string }[];
  canEdit: boolean;
  updatedAt: string;
};

function attendanceOf(id: string): Record<Profession, number> {
  const rows = getDb().select({ key: trainingAttendance.profession, n: trainingAttendance.count }).from(trainingAttendance).where(eq(trainingAttendance.trainingEventId, id)).all();
  return countsFrom(PROFESSIONS, rows);
}

function valuesOf(row: typeof trainingEvents.$inferSelect, cohostIds: string[], attendance: Record<Profession, number>): TrainingValues {
  return {
    kind: row.kind,
    scope: row.scope,
    regionId: row.regionId,
    date: row.date,
    title: row.title,
    venue: row.venue,
    sessions: row.sessions,
    note: row.note,
    officeId: row.officeId,
    cohostIds: [...cohostIds].sort(),
    ...(Object.fromEntries(PROFESSIONS.map((p) => [professionField(p), attendance[p]])) as Record<`prof_${Profession}`, number>),
  };
}

export function getTrainingForActor(actor: Actor, id: string): TrainingDetail {
  requireActivityRead(actor);
  const found = getDb()
    .select({ row: trainingEvents, officeName: healthCenters.name, regionName: regions.name, canEdit: writableFlag(actor, owner) })
    .from(trainingEvents)
    .leftJoin(healthCenters, eq(healthCenters.id, trainingEvents.officeId))
    .leftJoin(regions, eq(regions.id, trainingEvents.regionId))
    .where(and(eq(trainingEvents.id, id), readableTraining(actor)))
    .get();
  if (!found) throw new AppError("not_found", "errors.notFound");
  const attendance = attendanceOf(id);
  const cohosts = cohostsOf([id]).get(id) ?? [];
  return {
    id,
    version: found.row.version,
    values: valuesOf(found.row, cohosts.map((c) => c.id), attendance),
    attendance,
    attendanceTotal: sumCounts(attendance),
    officeName: found.officeName,
    regionName: found.regionName,
    cohosts,
    canEdit: !!found.canEdit,
    updatedAt: found.row.updatedAt,
  };
}

/** The training as its host's side may open it for editing, or not_found (a co-host only reads it). */
export function getTrainingForEdit(actor: Actor, id: string): TrainingDetail {
  loadWritableRecord(actor, trainingEvents, id);
  return getTrainingForActor(actor, id);
}

export type TrainingFormOptions = {
  hosts: { prefecture: boolean; offices: { id: string; name: string; regionId: string }[] };
  regions: { id: string; name: string }[];
  /** Every office of the prefecture may co-host (a joint training crosses reaches). */
  cohostOffices: { id: string; name: string }[];
  lastKind: TrainingKind | null;
  previousId: string | null;
};

export function getTrainingFormOptionsForActor(actor: Actor): TrainingFormOptions {
  requireActivityWrite(actor);
  const last = latestOwnRecord(actor, trainingEvents);
  return {
    hosts: hostOptionsFor(actor),
    regions: regionChoicesFor(actor),
    cohostOffices: getDb().select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(inPrefecture(actor, healthCenters.prefectureCode)).orderBy(asc(healthCenters.sort)).all(),
    lastKind: last?.kind ?? null,
    previousId: last?.id ?? null,
  };
}

function checkReferences(actor: Actor, input: TrainingInput): void {
  if (input.regionId) requireRegionOf(actor, input.regionId);
  const ids = [...new Set(input.cohostIds)];
  if (ids.length) {
    const found = getDb().select({ id: healthCenters.id }).from(healthCenters).where(and(inArray(healthCenters.id, ids), inPrefecture(actor, healthCenters.prefectureCode))).all();
    if (found.length !== ids.length) throw new AppError("invalid", "activities.validation.training.cohostInvalid", { cohostIds: "activities.validation.training.cohostInvalid" });
  }
}

function columnsOf(input: TrainingInput, regionId: string | null) {
  return { kind: input.kind, scope: input.scope, regionId, date: input.date, title: input.title, venue: input.venue, sessions: input.sessions, note: input.note };
}

/** 圏域 trainings name their region; the others keep the host's region for reference. */
function regionFor(input: TrainingInput, ownerRegionId: string | null): string | null {
  return input.regionId ?? (input.scope === "prefecture" ? null : ownerRegionId);
}

function insertChildren(tx: Tx, id: string, input: TrainingInput, hostId: string | null): void {
  for (const officeId of new Set(input.cohostIds)) if (officeId !== hostId) tx.insert(trainingEventCohosts).values({ trainingEventId: id, officeId }).run();
  for (const p of PROFESSIONS) if (input.attendance[p] > 0) tx.insert(trainingAttendance).values({ trainingEventId: id, profession: p, count: input.attendance[p] }).run();
}

export function createTraining(actor: Actor, input: TrainingInput): { id: string } {
  requireActivityWrite(actor);
  const owned = resolveOwner(actor, input.officeId);
  checkReferences(actor, input);
  return insertRecord(
    actor,
    TRAINING,
    { officeId: owned.officeId, ...columnsOf(input, regionFor(input, owned.regionId)) },
    { kind: input.kind, scope: input.scope, date: input.date, title: input.title, officeId: owned.officeId, cohostIds: input.cohostIds, attendance: input.attendance },
    (tx, id) => insertChildren(tx, id, input, owned.officeId),
    input,
  );
}

export function updateTraining(actor: Actor, input: TrainingUpdateInput): void {
  const row = loadWritableRecord(actor, trainingEvents, input.id);
  const current = valuesOf(row, (cohostsOf([row.id]).get(row.id) ?? []).map((c) => c.id), attendanceOf(row.id));
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "training_event", entityId: row.id });
  const owned = resolveOwner(actor, input.officeId);
  checkReferences(actor, input);
  const set = { ...columnsOf(input, regionFor(input, owned.regionId)), officeId: owned.officeId };
  updateRecord(actor, TRAINING, row, input, {
    current,
    next: valuesOf({ ...row, ...set }, [...new Set(input.cohostIds)].filter((c) => c !== owned.officeId), input.attendance),
    set,
    children: (tx) => {
      tx.delete(trainingEventCohosts).where(eq(trainingEventCohosts.trainingEventId, row.id)).run();
      tx.delete(trainingAttendance).where(eq(trainingAttendance.trainingEventId, row.id)).run();
      insertChildren(tx, row.id, input, owned.officeId);
    },
  });
}

export function deleteTraining(actor: Actor, id: string, version: number, restatementReason?: string): void {
  deleteRecord(actor, TRAINING, id, version, {
    snapshot: (row) => ({ ...row, cohostIds: (cohostsOf([row.id]).get(row.id) ?? []).map((c) => c.id), attendance: attendanceOf(row.id) }),
    restatementReason,
  });
}
