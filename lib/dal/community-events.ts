import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { communityEvents, healthCenters } from "@/db/schema";
import type { EventKind, EventSubtype } from "@/lib/domain/activity-codes";
import type { EventInput, EventUpdateInput } from "@/lib/validation/activities";
import type { Actor } from "./actor";
import { hostOptionsFor, readableActivity, requireActivityRead, requireActivityWrite, resolveOwner, sharedListFilters, writableFlag } from "./activity-access";
import { deleteRecord, insertRecord, latestOwnRecord, loadWritableRecord, ownerOf, updateRecord, type RecordSpec } from "./activity-records";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { onePage, type Page, type PageRequest } from "./pagination";

/* 普及啓発 and 家族支援 events: participants, families reached, whether peers took part. */

const owner = ownerOf(communityEvents);
/** An event counts in the fiscal year of its date (ADR 0025). */
const EVENT: RecordSpec<typeof communityEvents> = { table: communityEvents, entityType: "community_event", yearDates: (v) => [v.date] };

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
  const conditions: SQL[] = [readableActivity(actor, owner), ...sharedListFilters({ date: communityEvents.date, officeId: communityEvents.officeId, text: communityEvents.title }, filter)];
  if (filter.kind) conditions.push(eq(communityEvents.kind, filter.kind));
  if (filter.subtype) conditions.push(eq(communityEvents.subtype, filter.subtype));
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
  const rows = onePage(
    db
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
      .where(where),
    req,
    order,
    desc(communityEvents.date), asc(communityEvents.id),
  );
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

export function getEventForEdit(actor: Actor, id: string): EventDetail {
  loadWritableRecord(actor, communityEvents, id);
  return getEventForActor(actor, id);
}

export function getEventFormOptionsForActor(actor: Actor) {
  requireActivityWrite(actor);
  const last = latestOwnRecord(actor, communityEvents);
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
  return insertRecord(actor, EVENT, { officeId: owned.officeId, ...columnsOf(input) }, { ...columnsOf(input), officeId: owned.officeId }, undefined, input);
}

export function updateEvent(actor: Actor, input: EventUpdateInput): void {
  const row = loadWritableRecord(actor, communityEvents, input.id);
  const current = valuesOf(row);
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "community_event", entityId: row.id });
  const owned = resolveOwner(actor, input.officeId);
  const set = { ...columnsOf(input), officeId: owned.officeId };
  updateRecord(actor, EVENT, row, input, { current, next: valuesOf({ ...row, ...set }), set });
}

export function deleteEvent(actor: Actor, id: string, version: number, restatementReason?: string): void {
  deleteRecord(actor, EVENT, id, version, { restatementReason });
}
