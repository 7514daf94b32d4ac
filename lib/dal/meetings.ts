import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { healthCenters, kyogiBodies, meetingAttendance, meetings, regions } from "@/db/schema";
import { SECTORS, type KyogiLevel, type MeetingKind, type Sector } from "@/lib/domain/activity-codes";
import { countsFrom, sumCounts } from "@/lib/domain/activity-rules";
import { sectorField, type MeetingInput, type MeetingUpdateInput } from "@/lib/validation/activities";
import type { Actor } from "./actor";
import {
  conflictSince,
  contains,
  hostIs,
  hostOptionsFor,
  inFiscalYear,
  readableActivity,
  requireActivityRead,
  requireActivityWrite,
  resolveOwner,
  writableActivity,
  writableFlag,
} from "./activity-access";
import { diffFields, writeAudit } from "./audit";
import { AppError } from "./errors";
import type { Page, PageRequest } from "./pagination";
import { inPrefecture } from "./scope";

/*
 * Meetings (会議): 協議の場 sessions and the other kinds, with attendance by sector. No person
 * is named, so reads are not audited; every change is, in its own transaction, and edits and
 * deletes name the version they started from.
 */

const owner = { prefectureCode: meetings.prefectureCode, officeId: meetings.officeId };

export const MEETING_SORT_KEYS = ["date", "kind", "title", "host", "attendance"] as const;
export type MeetingSortKey = (typeof MEETING_SORT_KEYS)[number];

/** `none`: meetings that are no session of a registered 協議の場. */
export type MeetingLevelFilter = KyogiLevel | "none";

export type MeetingFilter = {
  fiscalYear?: number;
  kind?: MeetingKind;
  /** "prefecture" or an office id. */
  host?: string;
  level?: MeetingLevelFilter;
  q?: string;
};

export type MeetingListRow = {
  id: string;
  date: string;
  kind: MeetingKind;
  title: string;
  officeName: string | null;
  regionName: string | null;
  kyogiBodyName: string | null;
  kyogiLevel: KyogiLevel | null;
  attendanceTotal: number;
  targetsReviewed: boolean;
  casesReviewed: number | null;
  canEdit: boolean;
};

const attendanceTotal = sql<number>`(SELECT coalesce(sum(${meetingAttendance.count}), 0) FROM ${meetingAttendance} WHERE ${meetingAttendance.meetingId} = ${meetings.id})`;

function meetingConditions(actor: Actor, filter: MeetingFilter): SQL {
  const conditions: (SQL | undefined)[] = [readableActivity(actor, owner)];
  if (filter.fiscalYear) conditions.push(inFiscalYear(meetings.date, filter.fiscalYear));
  if (filter.kind) conditions.push(eq(meetings.kind, filter.kind));
  if (filter.host) conditions.push(hostIs(meetings.officeId, filter.host));
  if (filter.level === "none") conditions.push(isNull(meetings.kyogiBodyId));
  else if (filter.level) conditions.push(isNotNull(meetings.kyogiBodyId), eq(kyogiBodies.level, filter.level));
  const q = filter.q?.trim();
  if (q) conditions.push(contains(meetings.title, q));
  return and(...conditions)!;
}

/** One page of the meetings the actor may read, newest first unless sorted otherwise. */
export function listMeetingsForActor(actor: Actor, req: PageRequest<MeetingSortKey>, filter: MeetingFilter): Page<MeetingListRow> {
  requireActivityRead(actor);
  const db = getDb();
  const where = meetingConditions(actor, filter);
  const order = {
    date: meetings.date,
    kind: meetings.kind,
    title: meetings.title,
    host: sql`coalesce(${healthCenters.sort}, -1)`,
    attendance: attendanceTotal,
  }[req.sort];
  const rows = db
    .select({
      id: meetings.id,
      date: meetings.date,
      kind: meetings.kind,
      title: meetings.title,
      officeName: healthCenters.name,
      regionName: regions.name,
      kyogiBodyName: kyogiBodies.name,
      kyogiLevel: kyogiBodies.level,
      attendanceTotal,
      targetsReviewed: meetings.targetsReviewed,
      casesReviewed: meetings.casesReviewed,
      canEdit: writableFlag(actor, owner),
    })
    .from(meetings)
    .leftJoin(healthCenters, eq(healthCenters.id, meetings.officeId))
    .leftJoin(regions, eq(regions.id, meetings.regionId))
    .leftJoin(kyogiBodies, eq(kyogiBodies.id, meetings.kyogiBodyId))
    .where(where)
    .orderBy((req.dir === "desc" ? desc : asc)(order), desc(meetings.date), asc(meetings.id))
    .limit(req.pageSize)
    .offset((req.page - 1) * req.pageSize)
    .all();
  const [{ n }] = db.select({ n: count() }).from(meetings).leftJoin(kyogiBodies, eq(kyogiBodies.id, meetings.kyogiBodyId)).where(where).all() as [{ n: number }];
  return { rows: rows.map((r) => ({ ...r, canEdit: !!r.canEdit })), total: n, page: req.page, pageSize: req.pageSize };
}

/** The stored values of a meeting as its form and conflict reports see them. */
export type MeetingValues = {
  kind: MeetingKind;
  date: string;
  title: string;
  officeId: string | null;
  regionId: string | null;
  kyogiBodyId: string | null;
  venue: string | null;
  agenda: string | null;
  targetsReviewed: boolean;
  advisorDispatched: boolean;
  casesReviewed: number | null;
} & Record<`att_${Sector}`, number>;

export type MeetingDetail = {
  id: string;
  version: number;
  values: MeetingValues;
  attendance: Record<Sector, number>;
  attendanceTotal: number;
  officeName: string | null;
  regionName: string | null;
  kyogiBody: { id: string; name: string; level: KyogiLevel } | null;
  canEdit: boolean;
  updatedAt: string;
};

function valuesOf(row: typeof meetings.$inferSelect, attendance: Record<Sector, number>): MeetingValues {
  return {
    kind: row.kind,
    date: row.date,
    title: row.title,
    officeId: row.officeId,
    regionId: row.regionId,
    kyogiBodyId: row.kyogiBodyId,
    venue: row.venue,
    agenda: row.agenda,
    targetsReviewed: row.targetsReviewed,
    advisorDispatched: row.advisorDispatched,
    casesReviewed: row.casesReviewed,
    ...(Object.fromEntries(SECTORS.map((s) => [sectorField(s), attendance[s]])) as Record<`att_${Sector}`, number>),
  };
}

function attendanceOf(meetingId: string): Record<Sector, number> {
  const rows = getDb().select({ key: meetingAttendance.sector, n: meetingAttendance.count }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).all();
  return countsFrom(SECTORS, rows);
}

/** One meeting the actor may read; not readable or missing: not_found. */
export function getMeetingForActor(actor: Actor, id: string): MeetingDetail {
  requireActivityRead(actor);
  const db = getDb();
  const found = db
    .select({ row: meetings, officeName: healthCenters.name, regionName: regions.name, bodyName: kyogiBodies.name, bodyLevel: kyogiBodies.level, canEdit: writableFlag(actor, owner) })
    .from(meetings)
    .leftJoin(healthCenters, eq(healthCenters.id, meetings.officeId))
    .leftJoin(regions, eq(regions.id, meetings.regionId))
    .leftJoin(kyogiBodies, eq(kyogiBodies.id, meetings.kyogiBodyId))
    .where(and(eq(meetings.id, id), readableActivity(actor, owner)))
    .get();
  if (!found) throw new AppError("not_found", "errors.notFound");
  const attendance = attendanceOf(id);
  return {
    id,
    version: found.row.version,
    values: valuesOf(found.row, attendance),
    attendance,
    attendanceTotal: sumCounts(attendance),
    officeName: found.officeName,
    regionName: found.regionName,
    kyogiBody: found.row.kyogiBodyId && found.bodyName && found.bodyLevel ? { id: found.row.kyogiBodyId, name: found.bodyName, level: found.bodyLevel } : null,
    canEdit: !!found.canEdit,
    updatedAt: found.row.updatedAt,
  };
}

/** A meeting the actor may change, or not_found (also for one they can only read). */
function loadWritable(actor: Actor, id: string) {
  requireActivityWrite(actor);
  const row = getDb().select().from(meetings).where(and(eq(meetings.id, id), writableActivity(actor, owner))).get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return row;
}

/** The meeting as the actor may open it for editing (the edit page), or not_found. */
export function getMeetingForEdit(actor: Actor, id: string): MeetingDetail {
  loadWritable(actor, id);
  return getMeetingForActor(actor, id);
}

export type MeetingFormOptions = {
  hosts: { prefecture: boolean; offices: { id: string; name: string; regionId: string }[] };
  regions: { id: string; name: string }[];
  kyogiBodies: { id: string; name: string; level: KyogiLevel; active: boolean }[];
  /** The kind of the actor's most recent meeting, the form's default. */
  lastKind: MeetingKind | null;
  /** The actor's most recent meeting, offered as "copy the previous meeting". */
  previousId: string | null;
};

export function getMeetingFormOptionsForActor(actor: Actor): MeetingFormOptions {
  requireActivityWrite(actor);
  const db = getDb();
  const last = db
    .select({ id: meetings.id, kind: meetings.kind })
    .from(meetings)
    .where(and(eq(meetings.createdBy, actor.id), writableActivity(actor, owner)))
    .orderBy(desc(meetings.createdAt), desc(meetings.id))
    .get();
  return {
    hosts: hostOptionsFor(actor),
    regions: db.select({ id: regions.id, name: regions.name }).from(regions).where(inPrefecture(actor, regions.prefectureCode)).orderBy(asc(regions.sort)).all(),
    kyogiBodies: db
      .select({ id: kyogiBodies.id, name: kyogiBodies.name, level: kyogiBodies.level, active: kyogiBodies.active })
      .from(kyogiBodies)
      .where(readableActivity(actor, { prefectureCode: kyogiBodies.prefectureCode, officeId: kyogiBodies.officeId }))
      .orderBy(sql`CASE ${kyogiBodies.level} WHEN 'prefecture' THEN 0 WHEN 'region' THEN 1 ELSE 2 END`, asc(kyogiBodies.name))
      .all(),
    lastKind: last?.kind ?? null,
    previousId: last?.id ?? null,
  };
}

/** Region and 協議の場 chosen on the form must be the actor's prefecture's (and the body readable). */
function checkReferences(actor: Actor, input: MeetingInput, ownerRegionId: string | null): { regionId: string | null } {
  const db = getDb();
  if (input.regionId) {
    const region = db.select({ id: regions.id }).from(regions).where(and(eq(regions.id, input.regionId), inPrefecture(actor, regions.prefectureCode))).get();
    if (!region) throw new AppError("invalid", "activities.validation.regionInvalid", { regionId: "activities.validation.regionInvalid" });
  }
  if (input.kyogiBodyId) {
    const body = db
      .select({ id: kyogiBodies.id })
      .from(kyogiBodies)
      .where(and(eq(kyogiBodies.id, input.kyogiBodyId), readableActivity(actor, { prefectureCode: kyogiBodies.prefectureCode, officeId: kyogiBodies.officeId })))
      .get();
    if (!body) throw new AppError("invalid", "activities.validation.meeting.kyogiBodyInvalid", { kyogiBodyId: "activities.validation.meeting.kyogiBodyInvalid" });
  }
  // An office's meeting serves the office's region unless another is named.
  return { regionId: input.regionId ?? ownerRegionId };
}

function insertAttendance(tx: Tx, meetingId: string, attendance: Record<Sector, number>): void {
  for (const sector of SECTORS) {
    const n = attendance[sector];
    if (n > 0) tx.insert(meetingAttendance).values({ meetingId, sector, count: n }).run();
  }
}

function columnsOf(input: MeetingInput) {
  return {
    kind: input.kind,
    date: input.date,
    title: input.title,
    venue: input.venue,
    agenda: input.agenda,
    targetsReviewed: input.targetsReviewed,
    advisorDispatched: input.advisorDispatched,
    casesReviewed: input.casesReviewed,
    kyogiBodyId: input.kyogiBodyId,
  };
}

export function createMeeting(actor: Actor, input: MeetingInput): { id: string } {
  requireActivityWrite(actor);
  const owned = resolveOwner(actor, input.officeId);
  const { regionId } = checkReferences(actor, input, owned.regionId);
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(meetings)
      .values({ id, prefectureCode: actor.prefectureCode, officeId: owned.officeId, regionId, ...columnsOf(input), createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
      .run();
    insertAttendance(tx, id, input.attendance);
    writeAudit(tx, actor, {
      action: "create",
      entityType: "meeting",
      entityId: id,
      detail: { kind: input.kind, date: input.date, title: input.title, officeId: owned.officeId, attendance: input.attendance },
    });
  });
  return { id };
}

/** Save an edit. A stale version writes nothing and reports what changed since `base`. */
export function updateMeeting(actor: Actor, input: MeetingUpdateInput): void {
  const row = loadWritable(actor, input.id);
  const current = valuesOf(row, attendanceOf(row.id));
  if (row.version !== input.version) throw conflictSince(input.base, current);
  const owned = resolveOwner(actor, input.officeId);
  const { regionId } = checkReferences(actor, input, owned.regionId);
  const next: MeetingValues = { ...valuesOf({ ...row, ...columnsOf(input), officeId: owned.officeId, regionId }, input.attendance) };
  const changes = diffFields(current, next);
  if (Object.keys(changes).length === 0) return;
  getDb().transaction((tx) => {
    const result = tx
      .update(meetings)
      .set({ ...columnsOf(input), officeId: owned.officeId, regionId, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(meetings.id, row.id), eq(meetings.version, input.version)))
      .run();
    if (result.changes === 0) throw conflictSince(input.base, current);
    tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, row.id)).run();
    insertAttendance(tx, row.id, input.attendance);
    writeAudit(tx, actor, { action: "update", entityType: "meeting", entityId: row.id, detail: { changes } });
  });
}

/** Delete after confirmation; the audit row keeps a snapshot of what was deleted. */
export function deleteMeeting(actor: Actor, id: string, version: number): void {
  const row = loadWritable(actor, id);
  if (row.version !== version) throw new AppError("conflict", "activities.deleteConflict");
  const attendance = attendanceOf(row.id);
  getDb().transaction((tx) => {
    const result = tx.delete(meetings).where(and(eq(meetings.id, row.id), eq(meetings.version, version))).run();
    if (result.changes === 0) throw new AppError("conflict", "activities.deleteConflict");
    writeAudit(tx, actor, { action: "delete", entityType: "meeting", entityId: row.id, detail: { snapshot: { ...row, attendance } } });
  });
}
