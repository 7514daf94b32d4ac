import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from "@/lib/domain/codes";

/*
 * The audit viewer's filter as the URL carries it (ADR 0041), read leniently like every list:
 * a value that is not one of the codes, not a date or not an id-shaped string is dropped, so a
 * hand-edited URL shows a wider list, never a 500. Shared by the page and the CSV route.
 */
export type AuditViewFilter = {
  userId?: string;
  action?: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  officeId?: string;
  /** JST calendar days, inclusive. */
  from?: string;
  to?: string;
};

export const AUDIT_FILTER_KEYS = ["userId", "action", "entityType", "entityId", "officeId", "from", "to"] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Ids in this app are ULIDs, office ids `33-bizen`, user ids ULIDs: letters, digits, `-`, `_`. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function isDay(value: string | undefined): value is string {
  if (!value || !ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function parseAuditViewFilter(params: Record<string, string | undefined>): AuditViewFilter {
  const id = (v: string | undefined) => (v && ID.test(v.trim()) ? v.trim() : undefined);
  const filter: AuditViewFilter = {};
  if (id(params.userId)) filter.userId = id(params.userId);
  if ((AUDIT_ACTIONS as readonly string[]).includes(params.action ?? "")) filter.action = params.action as AuditAction;
  if ((AUDIT_ENTITY_TYPES as readonly string[]).includes(params.entityType ?? "")) filter.entityType = params.entityType as AuditEntityType;
  if (id(params.entityId)) filter.entityId = id(params.entityId);
  if (id(params.officeId)) filter.officeId = id(params.officeId);
  if (isDay(params.from)) filter.from = params.from;
  if (isDay(params.to)) filter.to = params.to;
  return filter;
}

/** The instant a JST day starts, as the ISO string audit_logs.at is compared with. */
export function jstDayStart(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/** The instant after a JST day ends (the next day's start). */
export function jstDayEnd(day: string): string {
  return new Date(new Date(`${day}T00:00:00+09:00`).getTime() + 24 * 60 * 60 * 1000).toISOString();
}
