import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  auditLogs,
  cases,
  communityEvents,
  healthCenters,
  kyogiBodies,
  meetings,
  outreachCases,
  peerDispatches,
  peerSupporters,
  trainingEvents,
  userOffices,
  users,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { AuditAction, AuditEntityType, Role } from "@/lib/domain/codes";
import { jstDayEnd, jstDayStart, type AuditViewFilter } from "@/lib/validation/audit-view";
import type { Actor } from "./actor";
import { auditRowsInLastHour, auditView, readAuditDetailText, writeAudit } from "./audit";
import { AppError } from "./errors";
import { onePage, type Page, type PageRequest } from "./pagination";
import { officesInReach } from "./scope";

/*
 * The audit viewer (監査ログ, ADR 0041). Who sees which rows is decided here, in SQL:
 * - supervisors: the rows concerning the offices they reach — about a record of those offices
 *   (a case, an outreach case, a peer, a dispatch, a meeting, training, event or 協議の場), by
 *   a member of those offices' staff, or about one of those staff's accounts — with the detail;
 * - prefecture staff and admins: every row of their prefecture, but only who did what to which
 *   record id and when: the detail column is never selected for them, so it reaches neither
 *   the page, its RSC payload nor the CSV;
 * - coordinators (and any role without read:audit-log:reach): not_found, before any SQL.
 * Another prefecture's rows are outside every condition (`prefecture_code` is the actor's).
 */

export const AUDIT_VIEW_SORT_KEYS = ["at"] as const;
export type AuditViewSortKey = (typeof AUDIT_VIEW_SORT_KEYS)[number];

/** One audit row as the viewer shows it. `detail` is present only for roles that may read it. */
export type AuditViewRow = {
  id: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string;
  actorRole: Role | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** The office owning the record the row names (null for rows about no office-owned record). */
  recordOfficeId: string | null;
  ip: string | null;
  detail?: string | null;
};

export type AuditViewPage = Page<AuditViewRow> & { withDetail: boolean };

/** The choices of the filter form: only users and offices the actor's rows can name. */
export type AuditViewOptions = {
  users: { id: string; username: string }[];
  offices: { id: string; name: string }[];
  withDetail: boolean;
};

/** The most rows one CSV export holds; narrower filters get the rest. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * How many audit CSV exports one user may make in an hour (TSUNAGU_AUDIT_EXPORTS_PER_HOUR,
 * default 10; the README states it). An export is a bulk read of the log, so it is throttled.
 */
export function auditExportsPerHour(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.TSUNAGU_AUDIT_EXPORTS_PER_HOUR);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

function requireViewer(actor: Actor): void {
  if (!can(actor.role, "read:audit-log:reach")) throw new AppError("not_found", "errors.notFound");
}

/** Only supervisors (who may read their offices' record trails) see the detail. */
export function auditViewShowsDetail(actor: Pick<Actor, "role">): boolean {
  return can(actor.role, "read:audit-log:reach") && can(actor.role, "read:audit:reach");
}

/** The office that owns the record an audit row names, computed in SQL per row (null: no office-owned record). */
const OWNED: { type: AuditEntityType; table: typeof cases | typeof outreachCases | typeof peerSupporters | typeof peerDispatches | typeof meetings | typeof trainingEvents | typeof communityEvents | typeof kyogiBodies }[] = [
  { type: "case", table: cases },
  { type: "outreach_case", table: outreachCases },
  { type: "peer", table: peerSupporters },
  { type: "peer_dispatch", table: peerDispatches },
  { type: "meeting", table: meetings },
  { type: "training_event", table: trainingEvents },
  { type: "community_event", table: communityEvents },
  { type: "kyogi_body", table: kyogiBodies },
];
const recordOffice: SQL<string | null> = sql<string | null>`(case ${auditLogs.entityType} ${sql.join(
  OWNED.map(({ type, table }) => sql`when ${type} then (select ${table.officeId} from ${table} where ${table.id} = ${auditLogs.entityId})`),
  sql` `,
)} else null end)`;

/** The ids of the users assigned to any of `offices`. */
function staffOf(offices: ReturnType<typeof officesInReach> | string[]) {
  return getDb().select({ id: userOffices.userId }).from(userOffices).where(inArray(userOffices.healthCenterId, offices));
}

/** Rows concerning `offices`: about their records, by their staff, or about their staff's accounts. */
function concerning(offices: ReturnType<typeof officesInReach> | string[]): SQL {
  return or(
    inArray(recordOffice, offices),
    inArray(auditLogs.actorUserId, staffOf(offices)),
    and(inArray(auditLogs.entityType, ["user", "session", "account_review"]), inArray(auditLogs.entityId, staffOf(offices))),
  )!;
}

/** The rows the actor may see at all, in SQL. */
function visibleTo(actor: Actor): SQL {
  const samePrefecture = eq(auditLogs.prefectureCode, actor.prefectureCode);
  if (auditViewShowsDetail(actor)) return and(samePrefecture, concerning(officesInReach(actor)))!;
  return samePrefecture;
}

function filterConditions(actor: Actor, filter: AuditViewFilter): SQL[] {
  const c: SQL[] = [visibleTo(actor)];
  if (filter.userId) c.push(eq(auditLogs.actorUserId, filter.userId));
  if (filter.action) c.push(eq(auditLogs.action, filter.action));
  if (filter.entityType) c.push(eq(auditLogs.entityType, filter.entityType));
  if (filter.entityId) c.push(eq(auditLogs.entityId, filter.entityId));
  // An office outside the actor's reach matches nothing (no office of another prefecture leaks in).
  if (filter.officeId) c.push(and(inArray(sql`${filter.officeId}`, officesInReach(actor)), concerning([filter.officeId]))!);
  if (filter.from) c.push(gte(auditLogs.at, jstDayStart(filter.from)));
  if (filter.to) c.push(lt(auditLogs.at, jstDayEnd(filter.to)));
  return c;
}

function selection(withDetail: boolean) {
  return {
    id: auditLogs.id,
    at: auditLogs.at,
    actorUserId: auditLogs.actorUserId,
    actorUsername: auditLogs.actorUsername,
    actorRole: auditLogs.actorRole,
    action: auditLogs.action,
    entityType: auditLogs.entityType,
    entityId: auditLogs.entityId,
    recordOfficeId: recordOffice,
    ip: auditLogs.ip,
    // Not even selected for a role that may not read it.
    ...(withDetail ? { detail: auditLogs.detail } : {}),
  };
}

type SelectedRow = Omit<AuditViewRow, "actorRole" | "detail"> & { actorRole: string | null; detail?: string | null };

function toRow(r: SelectedRow, withDetail: boolean): AuditViewRow {
  const row: AuditViewRow = {
    id: r.id,
    at: r.at,
    actorUserId: r.actorUserId,
    actorUsername: r.actorUsername,
    actorRole: r.actorRole as Role | null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    recordOfficeId: r.recordOfficeId,
    ip: r.ip,
  };
  // The one reader of stored detail (lib/dal/audit.ts): it opens the sealed, encrypted part (ADR 0040).
  if (withDetail) row.detail = readAuditDetailText({ detail: r.detail ?? null });
  return row;
}

/**
 * One page of the audit rows the actor may see under `filter`, newest first. Opening the viewer
 * is itself audited (a `view` of the audit log with the filter and page).
 */
export function listAuditForActor(actor: Actor, req: PageRequest<AuditViewSortKey>, filter: AuditViewFilter): AuditViewPage {
  requireViewer(actor);
  const withDetail = auditViewShowsDetail(actor);
  const db = getDb();
  const where = and(...filterConditions(actor, filter));
  const rows = onePage(db.select(selection(withDetail)).from(auditLogs).where(where), req, auditLogs.at, req.dir === "asc" ? asc(auditLogs.id) : desc(auditLogs.id)) as SelectedRow[];
  const [{ n }] = db.select({ n: count() }).from(auditLogs).where(where).all() as [{ n: number }];
  auditView(actor, { entityType: "audit_log", detail: { filter, page: req.page, rows: rows.length, total: n } });
  return { rows: rows.map((r) => toRow(r, withDetail)), total: n, page: req.page, pageSize: req.pageSize, withDetail };
}

/** The users and offices the filter form offers: the actor's offices' staff (supervisors) or the prefecture's. */
export function auditViewOptionsForActor(actor: Actor): AuditViewOptions {
  requireViewer(actor);
  const db = getDb();
  const withDetail = auditViewShowsDetail(actor);
  const offices = db
    .select({ id: healthCenters.id, name: healthCenters.name })
    .from(healthCenters)
    .where(inArray(healthCenters.id, officesInReach(actor)))
    .orderBy(asc(healthCenters.sort))
    .all();
  const userRows = db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.prefectureCode, actor.prefectureCode), withDetail ? inArray(users.id, staffOf(officesInReach(actor))) : undefined))
    .orderBy(asc(users.username))
    .all();
  return { users: userRows, offices, withDetail };
}

/** Exports by this user in the last hour (refused attempts are audited as views, so they do not count). */
function recentExports(actor: Actor, now: Date): number {
  return auditRowsInLastHour(actor.id, [eq(auditLogs.action, "export"), eq(auditLogs.entityType, "audit_log")], now);
}

export type AuditExport = { ok: true; rows: AuditViewRow[]; withDetail: boolean; truncated: boolean } | { ok: false; reason: "throttled"; limit: number };

/**
 * Every row under `filter` (up to AUDIT_EXPORT_MAX_ROWS, newest first) for the CSV, audited as
 * an `export` of the audit log. More than `exportsPerHour` exports in an hour are refused (the
 * refusal is audited too) and the route answers 429.
 */
export function exportAuditForActor(actor: Actor, filter: AuditViewFilter, options: { exportsPerHour?: number; now?: Date } = {}): AuditExport {
  requireViewer(actor);
  const limit = options.exportsPerHour ?? auditExportsPerHour();
  const now = options.now ?? new Date();
  const withDetail = auditViewShowsDetail(actor);
  const db = getDb();
  return db.transaction(
    (tx) => {
      if (recentExports(actor, now) >= limit) {
        writeAudit(tx, actor, { action: "view", entityType: "audit_log", detail: { filter, export: "refused", reason: "rate_limit", limit } });
        return { ok: false as const, reason: "throttled" as const, limit };
      }
      const rows = tx
        .select(selection(withDetail))
        .from(auditLogs)
        .where(and(...filterConditions(actor, filter)))
        .orderBy(desc(auditLogs.at), desc(auditLogs.id))
        .limit(AUDIT_EXPORT_MAX_ROWS + 1)
        .all() as SelectedRow[];
      const truncated = rows.length > AUDIT_EXPORT_MAX_ROWS;
      const kept = rows.slice(0, AUDIT_EXPORT_MAX_ROWS);
      writeAudit(tx, actor, { action: "export", entityType: "audit_log", detail: { filter, rows: kept.length, truncated, withDetail } });
      return { ok: true as const, rows: kept.map((r) => toRow(r, withDetail)), withDetail, truncated };
    },
    { behavior: "immediate" },
  );
}
