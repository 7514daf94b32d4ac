import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { healthCenters, kyogiBodies, meetingAttendance, meetings, regions } from "@/db/schema";
import { SECTORS, type KyogiLevel, type MeetingKind, type Sector } from "@/lib/domain/activity-codes";
import { countsFrom, sumCounts } from "@/lib/domain/activity-rules";
import { sectorField, type MeetingInput, type MeetingUpdateInput } from "@/lib/validation/activities";
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

/*
 * Meetings (会議): 協議の場 sessions and the other kinds, with attendance by sector. No person
 * is named, so reads are not audited; every change is, in its own transaction, and edits and
 * deletes name the version they started from.
 */

const owner = ownerOf(meetings);
/** A meeting counts in the fiscal year of its date (ADR 0025). */
const MEETING: RecordSpec<typeof meetings> = { table: meetings, entityType: "meeting", yearDates: (v) => [v.date] };

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
  const conditions: SQL[] = [readableActivity(actor, owner), ...sharedListFilters({ date: meetings.date, officeId: meetings.officeId, text: meetings.title }, filter)];
  if (filter.kind) conditions.push(eq(meetings.kind, filter.kind));
  if (filter.level === "none") conditions.push(isNull(meetings.kyogiBodyId));
  else if (filter.level) conditions.push(isNotNull(meetings.kyogiBodyId), eq(kyogiBodies.level, filter.level));
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
  const rows = onePage(
    db
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
      .where(where),
    req,
    order,
    desc(meetings.date), asc(meetings.id),
  );
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

/** The meeting as the actor may open it for editing (the edit page), or not_found (also for one they can only read). */
export function getMeetingForEdit(actor: Actor, id: string): MeetingDetail {
  loadWritableRecord(actor, meetings, id);
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
  const last = latestOwnRecord(actor, meetings);
  return {
    hosts: hostOptionsFor(actor),
    regions: regionChoicesFor(actor),
    kyogiBodies: getDb()
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
  if (input.regionId) requireRegionOf(actor, input.regionId);
  if (input.kyogiBodyId) {
    const body = getDb()
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
  return insertRecord(
    actor,
    MEETING,
    { officeId: owned.officeId, regionId, ...columnsOf(input) },
    { kind: input.kind, date: input.date, title: input.title, officeId: owned.officeId, attendance: input.attendance },
    (tx, id) => insertAttendance(tx, id, input.attendance),
    input,
  );
}

/** Save an edit. A stale version writes nothing and reports what changed since `base`. */
export function updateMeeting(actor: Actor, input: MeetingUpdateInput): void {
  const row = loadWritableRecord(actor, meetings, input.id);
  const current = valuesOf(row, attendanceOf(row.id));
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "meeting", entityId: row.id });
  const owned = resolveOwner(actor, input.officeId);
  const { regionId } = checkReferences(actor, input, owned.regionId);
  const set = { ...columnsOf(input), officeId: owned.officeId, regionId };
  updateRecord(actor, MEETING, row, input, {
    current,
    next: valuesOf({ ...row, ...set }, input.attendance),
    set,
    children: (tx) => {
      tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, row.id)).run();
      insertAttendance(tx, row.id, input.attendance);
    },
  });
}

/** Delete after confirmation; the audit row keeps a snapshot of what was deleted. */
export function deleteMeeting(actor: Actor, id: string, version: number, restatementReason?: string): void {
  deleteRecord(actor, MEETING, id, version, { snapshot: (row) => ({ ...row, attendance: attendanceOf(row.id) }), restatementReason });
}
