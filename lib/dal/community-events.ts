import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { communityEvents, healthCenters } from "@/db/schema";
import type { EventKind, EventSubtype } from "@/lib/domain/activity-codes";
import type { EventInput, EventUpdateInput } from "@/lib/validation/activities";
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

/* 普及啓発 and 家族支援 events: participants, families reached, whether peers took part. */

const owner = { prefectureCode: communityEvents.prefectureCode, officeId: communityEvents.officeId };

export const EVENT_SORT_KEYS = ["date", "kind", "title", "host", "participants"] as const;
export type EventSortKey = (typeof EVENT_SORT_KEYS)[number];

export type EventFilter = { fiscalYear?: number; kind?: EventKind; subtype?: EventSubtype; host?: string; q?: string };

export type EventListRow = {
  id: string;
  date: string;
  kind: EventKind;
  subtype: EventSubtype;
  title: string;
  officeName: string | null;
  participants: number;
  families: number | null;
  withPeers: boolean;
  canEdit: boolean;
};

function eventConditions(actor: Actor, filter: EventFilter): SQL {
  const conditions: (SQL | undefined)[] = [readableActivity(actor, owner)];
  if (filter.fiscalYear) conditions.push(inFiscalYear(communityEvents.date, filter.fiscalYear));
  if (filter.kind) conditions.push(eq(communityEvents.kind, filter.kind));
  if (filter.subtype) conditions.push(eq(communityEvents.subtype, filter.subtype));
  if (filter.host) conditions.push(hostIs(communityEvents.officeId, filter.host));
  const q = filter.q?.trim();
  if (q) conditions.push(contains(communityEvents.title, q));
  return and(...conditions)!;
}

export function listEventsForActor(actor: Actor, req: PageRequest<EventSortKey>, filter: EventFilter): Page<EventListRow> {
  requireActivityRead(actor);
  const db = getDb();
  const where = eventConditions(actor, filter);
  const order = {
    date: communityEvents.date,
    kind: communityEvents.kind,
    title: communityEvents.title,
    host: sql`coalesce(${healthCenters.sort}, -1)`,
    participants: communityEvents.participants,
  }[req.sort];
  const rows = db
    .select({
      id: communityEvents.id,
      date: communityEvents.date,
      kind: communityEvents.kind,
      subtype: communityEvents.subtype,
      title: communityEvents.title,
      officeName: healthCenters.name,
      participants: communityEvents.participants,
      families: communityEvents.families,
      withPeers: communityEvents.withPeers,
      canEdit: writableFlag(actor, owner),
    })
    .from(communityEvents)
    .leftJoin(healthCenters, eq(healthCenters.id, communityEvents.officeId))
    .where(where)
    .orderBy((req.dir === "desc" ? desc : asc)(order), desc(communityEvents.date), asc(communityEvents.id))
    .limit(req.pageSize)
    .offset((req.page - 1) * req.pageSize)
    .all();
  const [{ n }] = db.select({ n: count() }).from(communityEvents).where(where).all() as [{ n: number }];
  return { rows: rows.map((r) => ({ ...r, canEdit: !!r.canEdit })), total: n, page: req.page, pageSize: req.pageSize };
}

export type EventValues = {
  kind: EventKind;
  subtype: EventSubtype;
  date: string;
  title: string;
  venue: string | null;
  participants: number;
  families: number | null;
  withPeers: boolean;
  note: string | null;
  officeId: string | null;
};

export type EventDetail = { id: string; version: number; values: EventValues; officeName: string | null; canEdit: boolean; updatedAt: string };

function valuesOf(row: typeof communityEvents.$inferSelect): EventValues {
  return {
    kind: row.kind,
    subtype: row.subtype,
    date: row.date,
    title: row.title,
    venue: row.venue,
    participants: row.participants,
    families: row.families,
    withPeers: row.withPeers,
    note: row.note,
    officeId: row.officeId,
  };
}

export function getEventForActor(actor: Actor, id: string): EventDetail {
  requireActivityRead(actor);
  const found = getDb()
    .select({ row: communityEvents, officeName: healthCenters.name, canEdit: writableFlag(actor, owner) })
    .from(communityEvents)
    .leftJoin(healthCenters, eq(healthCenters.id, communityEvents.officeId))
    .where(and(eq(communityEvents.id, id), readableActivity(actor, owner)))
    .get();
  if (!found) throw new AppError("not_found", "errors.notFound");
  return { id, version: found.row.version, values: valuesOf(found.row), officeName: found.officeName, canEdit: !!found.canEdit, updatedAt: found.row.updatedAt };
}

function loadWritable(actor: Actor, id: string) {
  requireActivityWrite(actor);
  const row = getDb().select().from(communityEvents).where(and(eq(communityEvents.id, id), writableActivity(actor, owner))).get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return row;
}

export function getEventForEdit(actor: Actor, id: string): EventDetail {
  loadWritable(actor, id);
  return getEventForActor(actor, id);
}

export function getEventFormOptionsForActor(actor: Actor) {
  requireActivityWrite(actor);
  const last = getDb()
    .select({ id: communityEvents.id, kind: communityEvents.kind, subtype: communityEvents.subtype })
    .from(communityEvents)
    .where(and(eq(communityEvents.createdBy, actor.id), writableActivity(actor, owner)))
    .orderBy(desc(communityEvents.createdAt), desc(communityEvents.id))
    .get();
  return { hosts: hostOptionsFor(actor), lastKind: last?.kind ?? null, lastSubtype: last?.subtype ?? null, previousId: last?.id ?? null };
}

function columnsOf(input: EventInput) {
  return {
    kind: input.kind,
    subtype: input.subtype,
    date: input.date,
    title: input.title,
    venue: input.venue,
    participants: input.participants,
    families: input.kind === "family_support" ? input.families : null,
    withPeers: input.withPeers,
    note: input.note,
  };
}

export function createEvent(actor: Actor, input: EventInput): { id: string } {
  requireActivityWrite(actor);
  const owned = resolveOwner(actor, input.officeId);
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(communityEvents)
      .values({ id, prefectureCode: actor.prefectureCode, officeId: owned.officeId, ...columnsOf(input), createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
      .run();
    writeAudit(tx, actor, { action: "create", entityType: "community_event", entityId: id, detail: { ...columnsOf(input), officeId: owned.officeId } });
  });
  return { id };
}

export function updateEvent(actor: Actor, input: EventUpdateInput): void {
  const row = loadWritable(actor, input.id);
  const current = valuesOf(row);
  if (row.version !== input.version) throw conflictSince(input.base, current);
  const owned = resolveOwner(actor, input.officeId);
  const columns = columnsOf(input);
  const changes = diffFields(current, valuesOf({ ...row, ...columns, officeId: owned.officeId }));
  if (Object.keys(changes).length === 0) return;
  getDb().transaction((tx) => {
    const result = tx
      .update(communityEvents)
      .set({ ...columns, officeId: owned.officeId, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(communityEvents.id, row.id), eq(communityEvents.version, input.version)))
      .run();
    if (result.changes === 0) throw conflictSince(input.base, current);
    writeAudit(tx, actor, { action: "update", entityType: "community_event", entityId: row.id, detail: { changes } });
  });
}

export function deleteEvent(actor: Actor, id: string, version: number): void {
  const row = loadWritable(actor, id);
  if (row.version !== version) throw new AppError("conflict", "activities.deleteConflict");
  getDb().transaction((tx) => {
    const result = tx.delete(communityEvents).where(and(eq(communityEvents.id, row.id), eq(communityEvents.version, version))).run();
    if (result.changes === 0) throw new AppError("conflict", "activities.deleteConflict");
    writeAudit(tx, actor, { action: "delete", entityType: "community_event", entityId: row.id, detail: { snapshot: row } });
  });
}
