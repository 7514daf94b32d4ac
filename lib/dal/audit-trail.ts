import "server-only";
import type { AuditEntityType } from "@/lib/domain/codes";
import { jsonObject } from "@/lib/domain/json-object";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { hospitals, municipalities, personIdentityHistory, users } from "@/db/schema";
import { readAuditDetailText } from "./audit";

/**
 * One line of a record's 閲覧・変更履歴. A change is one audit row; a person's plain page views of
 * one JST day are one line (`views` of them, `identityViews` of which showed the identity, `day`
 * the JST date, `at` the latest). A duplicate check by another office stays its own line.
 */
export type AuditTrailRow = {
  id: string;
  at: string;
  actorUsername: string;
  actorName: string | null;
  action: string;
  detail: string | null;
  /** Views collapsed into this line (1 for any other row). */
  views: number;
  identityViews: number;
  /** The JST day of collapsed views, else null. */
  day: string | null;
};

export type AuditTrailOptions = {
  /** Leave views out: only what changed the record. */
  changesOnly?: boolean;
  page?: number;
  pageSize?: number;
};

export type AuditTrailPage = {
  rows: AuditTrailRow[];
  /** Lines (not audit rows) in the whole trail under the filter. */
  total: number;
  page: number;
  pageSize: number;
  /** Display names of the users, hospitals and municipalities the page's changes and snapshots name (of the actor's prefecture only). */
  names: Record<string, string>;
};

export const AUDIT_TRAIL_PAGE_SIZE = 50;

/** Change and snapshot fields that hold a user's id or a hospital's id: shown by name. */
const USER_ID_FIELDS = ["coordinatorUserId", "staffUserId", "createdBy", "updatedBy"];
const HOSPITAL_ID_FIELDS = ["hospitalId"];
const MUNICIPALITY_FIELDS = ["municipalityCode"];

/**
 * A plain view: a page visit, not another office's duplicate check nor an opened print summary
 * (each keeps its own line).
 */
const plainView = sql`action = 'view' and json_extract(coalesce(detail, '{}'), '$.duplicateCheck') is null and json_extract(coalesce(detail, '{}'), '$.printSummary') is null`;

/**
 * One page of the audit rows naming one record (閲覧・変更履歴), newest first, with each actor's
 * current display name. Views are collapsed per actor and JST day in SQL, and paging counts lines.
 * Callers check the audit permission and the record's reach first (`gate.trail`).
 */
export function auditTrailOf(
  entityType: AuditEntityType,
  entityId: string,
  prefectureCode: string,
  options: AuditTrailOptions = {},
  /** The viewer may read identities (the gate decides): a person's corrections show their old and new values. */
  reveal: { identity: boolean } = { identity: false },
): AuditTrailPage {
  const db = getDb();
  const pageSize = Math.max(1, Math.min(200, Math.floor(options.pageSize ?? AUDIT_TRAIL_PAGE_SIZE)));
  const mine = sql`entity_type = ${entityType} and entity_id = ${entityId}`;
  const changes = sql`select id, at, actor_user_id, actor_username, action, detail, 1 as views, 0 as identity_views, null as day
    from audit_logs where ${mine} and not (${plainView})`;
  const views = sql`select max(id) as id, max(at) as at, max(actor_user_id) as actor_user_id, actor_username, 'view' as action, null as detail,
      count(*) as views, sum(coalesce(json_extract(coalesce(detail, '{}'), '$.identity'), 0) != 0) as identity_views, date(at, '+9 hours') as day
    from audit_logs where ${mine} and ${plainView} group by actor_username, date(at, '+9 hours')`;
  const lines = options.changesOnly
    ? sql`select * from (${changes}) where action != 'view'`
    : sql`${changes} union all ${views}`;
  const total = Number(db.get<{ n: number }>(sql`select count(*) as n from (${lines})`)?.n ?? 0);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(lastPage, Math.max(1, Math.floor(options.page ?? 1) || 1));
  const raw = db.all<{ id: string; at: string; actor_username: string; actor_name: string | null; action: string; detail: string | null; views: number; identity_views: number; day: string | null }>(
    sql`select l.id, l.at, l.actor_username, u.display_name as actor_name, l.action, l.detail, l.views, l.identity_views, l.day
      from (${lines}) l left join users u on u.id = l.actor_user_id
      order by l.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const listed: AuditTrailRow[] = raw.map((r) => ({
    id: r.id,
    at: r.at,
    actorUsername: r.actor_username,
    actorName: r.actor_name,
    action: r.action,
    // Sealed detail decrypted by its one reader (ADR 0040).
    detail: readAuditDetailText(r),
    views: Number(r.views),
    identityViews: Number(r.identity_views),
    day: r.day,
  }));
  const rows = reveal.identity ? withPersonValues(listed) : listed;
  return { rows, total, page, pageSize, names: namesOf(rows, prefectureCode) };
}

/**
 * A person's correction as its audit row has it names the fields only (ADR 0028); for a viewer
 * who may read identities, the old and new values come from person_identity_history.
 */
function withPersonValues(rows: AuditTrailRow[]): AuditTrailRow[] {
  const historyIdOf = (row: AuditTrailRow) => {
    const d = jsonObject(row.detail);
    return d.record === "person" && typeof d.personHistoryId === "string" ? d.personHistoryId : null;
  };
  const ids = rows.map(historyIdOf).filter((id): id is string => id !== null);
  if (ids.length === 0) return rows;
  const history = new Map(
    getDb()
      .select({ id: personIdentityHistory.id, changes: personIdentityHistory.changes })
      .from(personIdentityHistory)
      .where(inArray(personIdentityHistory.id, ids))
      .all()
      .map((h) => [h.id, jsonObject(h.changes)]),
  );
  return rows.map((row) => {
    const id = historyIdOf(row);
    const changes = id ? history.get(id) : undefined;
    return changes ? { ...row, detail: JSON.stringify({ ...jsonObject(row.detail), changes }) } : row;
  });
}

/** The ids of users and hospitals that the rows' changes and snapshots name. */
function namedIds(rows: AuditTrailRow[]): { userIds: Set<string>; hospitalIds: Set<string>; municipalityCodes: Set<string> } {
  const userIds = new Set<string>();
  const hospitalIds = new Set<string>();
  const municipalityCodes = new Set<string>();
  const take = (field: string, value: unknown) => {
    if (typeof value !== "string" || !value) return;
    if (USER_ID_FIELDS.includes(field)) userIds.add(value);
    if (HOSPITAL_ID_FIELDS.includes(field)) hospitalIds.add(value);
    if (MUNICIPALITY_FIELDS.includes(field)) municipalityCodes.add(value);
  };
  for (const row of rows) {
    const { changes, snapshot } = jsonObject(row.detail);
    if (changes && typeof changes === "object") {
      for (const [field, pair] of Object.entries(changes)) if (Array.isArray(pair)) pair.forEach((v) => take(field, v));
    }
    if (snapshot && typeof snapshot === "object") for (const [field, v] of Object.entries(snapshot)) take(field, v);
  }
  return { userIds, hospitalIds, municipalityCodes };
}

/** Names for the ids the rows mention, only of users and hospitals of the actor's prefecture. */
function namesOf(rows: AuditTrailRow[], prefectureCode: string): Record<string, string> {
  const { userIds, hospitalIds, municipalityCodes } = namedIds(rows);
  const names: Record<string, string> = {};
  if (userIds.size > 0) {
    const found = getDb()
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(inArray(users.id, [...userIds]), eq(users.prefectureCode, prefectureCode)))
      .all();
    for (const u of found) names[u.id] = u.name;
  }
  if (hospitalIds.size > 0) {
    const found = getDb()
      .select({ id: hospitals.id, name: hospitals.name })
      .from(hospitals)
      .where(and(inArray(hospitals.id, [...hospitalIds]), eq(hospitals.prefectureCode, prefectureCode)))
      .all();
    for (const h of found) names[h.id] = h.name;
  }
  if (municipalityCodes.size > 0) {
    const found = getDb()
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .where(and(inArray(municipalities.code, [...municipalityCodes]), eq(municipalities.prefectureCode, prefectureCode)))
      .all();
    for (const m of found) names[m.code] = m.name;
  }
  return names;
}
