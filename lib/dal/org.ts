import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { healthCenters, municipalities, regions, userOffices, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { HealthCenterKind, MunicipalityKind, Role } from "@/lib/domain/codes";
import type { Actor } from "./actor";
import { pageWindow, type Page, type PageRequest } from "./pagination";
import { inPrefecture, inReach, officesInReach } from "./scope";

export const OFFICE_SORT_KEYS = ["name", "region", "kind", "municipalities"] as const;
export type OfficeSortKey = (typeof OFFICE_SORT_KEYS)[number];

export type OfficeListRow = {
  id: string;
  name: string;
  kind: HealthCenterKind;
  regionName: string;
  parentName: string | null;
  municipalityCount: number;
  /** Null when the role may not see staff. */
  staffCount: number | null;
};

const parent = alias(healthCenters, "parent");

const municipalityCount = sql<number>`(SELECT count(*) FROM ${municipalities} WHERE ${municipalities.healthCenterId} = ${healthCenters.id})`;
const staffCount = sql<number>`(SELECT count(*) FROM ${userOffices} INNER JOIN ${users} ON ${users.id} = ${userOffices.userId} WHERE ${userOffices.healthCenterId} = ${healthCenters.id} AND ${users.active} = 1)`;

/** The offices the actor's role reaches, one page of them. */
export function listOfficesForActor(actor: Actor, req: PageRequest<OfficeSortKey>): Page<OfficeListRow> {
  const db = getDb();
  const where = inReach(actor, healthCenters.id);
  const order = { name: healthCenters.sort, region: regions.sort, kind: healthCenters.kind, municipalities: municipalityCount }[req.sort];
  const direction = req.dir === "desc" ? desc : asc;
  const rows = db
    .select({
      id: healthCenters.id,
      name: healthCenters.name,
      kind: healthCenters.kind,
      regionName: regions.name,
      parentName: parent.name,
      municipalityCount,
      staffCount,
    })
    .from(healthCenters)
    .innerJoin(regions, eq(regions.id, healthCenters.regionId))
    .leftJoin(parent, eq(parent.id, healthCenters.parentId))
    .where(where)
    .orderBy(direction(order), asc(healthCenters.sort))
    .limit(pageWindow(req).limit)
    .offset(pageWindow(req).offset)
    .all();
  const [{ n }] = db.select({ n: count() }).from(healthCenters).where(where).all() as [{ n: number }];
  const showStaff = can(actor.role, "read:staff:reach");
  return {
    rows: rows.map((r) => ({ ...r, staffCount: showStaff ? r.staffCount : null })),
    total: n,
    page: req.page,
    pageSize: req.pageSize,
  };
}

export type OfficeDetail = {
  id: string;
  name: string;
  kind: HealthCenterKind;
  region: { id: string; name: string };
  parent: { id: string; name: string; inReach: boolean } | null;
  branches: { id: string; name: string; inReach: boolean }[];
  municipalities: { code: string; name: string; kind: MunicipalityKind }[];
  /** Null when the role may not see staff names. */
  staff: { id: string; displayName: string; role: Role }[] | null;
};

/**
 * One office, or null when it does not exist *or* lies outside the actor's reach: the
 * caller answers 404 either way, so an out-of-scope id is indistinguishable from a typo.
 */
export function getOfficeForActor(actor: Actor, officeId: string): OfficeDetail | null {
  const db = getDb();
  const office = db
    .select({
      id: healthCenters.id,
      name: healthCenters.name,
      kind: healthCenters.kind,
      parentId: healthCenters.parentId,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(healthCenters)
    .innerJoin(regions, eq(regions.id, healthCenters.regionId))
    .where(and(eq(healthCenters.id, officeId), inReach(actor, healthCenters.id)))
    .get();
  if (!office) return null;

  const reachable = new Set(officesInReach(actor).all().map((o) => o.id));
  const parentRow = office.parentId
    ? db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, office.parentId)).get()
    : undefined;
  const branches = db
    .select({ id: healthCenters.id, name: healthCenters.name })
    .from(healthCenters)
    .where(eq(healthCenters.parentId, office.id))
    .orderBy(asc(healthCenters.sort))
    .all();
  const munis = db
    .select({ code: municipalities.code, name: municipalities.name, kind: municipalities.kind })
    .from(municipalities)
    .where(eq(municipalities.healthCenterId, office.id))
    .orderBy(asc(municipalities.sort))
    .all();
  const staff = can(actor.role, "read:staff:reach")
    ? db
        .select({ id: users.id, displayName: users.displayName, role: users.role })
        .from(users)
        .innerJoin(userOffices, eq(userOffices.userId, users.id))
        .where(and(eq(userOffices.healthCenterId, office.id), eq(users.active, true)))
        .orderBy(asc(users.role), asc(users.displayName))
        .all()
    : null;
  return {
    id: office.id,
    name: office.name,
    kind: office.kind,
    region: { id: office.regionId, name: office.regionName },
    parent: parentRow ? { ...parentRow, inReach: reachable.has(parentRow.id) } : null,
    branches: branches.map((b) => ({ ...b, inReach: reachable.has(b.id) })),
    municipalities: munis,
    staff,
  };
}

export type OrgTree = {
  regions: {
    id: string;
    name: string;
    offices: { id: string; name: string; kind: HealthCenterKind; parentId: string | null; inReach: boolean; municipalities: { code: string; name: string; kind: MunicipalityKind }[] }[];
  }[];
  totals: { regions: number; offices: number; municipalities: number };
};

/** The organisation tree of the actor's own prefecture (master data; no person data). */
export function getOrgTreeForActor(actor: Actor): OrgTree {
  const db = getDb();
  const regionRows = db.select().from(regions).where(inPrefecture(actor, regions.prefectureCode)).orderBy(asc(regions.sort)).all();
  const officeRows = db
    .select()
    .from(healthCenters)
    .where(inPrefecture(actor, healthCenters.prefectureCode))
    .orderBy(asc(healthCenters.sort))
    .all();
  const muniRows = db
    .select()
    .from(municipalities)
    .where(inPrefecture(actor, municipalities.prefectureCode))
    .orderBy(asc(municipalities.sort))
    .all();
  const reachable = new Set(officesInReach(actor).all().map((o) => o.id));
  return {
    regions: regionRows.map((r) => ({
      id: r.id,
      name: r.name,
      offices: officeRows
        .filter((o) => o.regionId === r.id)
        .map((o) => ({
          id: o.id,
          name: o.name,
          kind: o.kind,
          parentId: o.parentId,
          inReach: reachable.has(o.id),
          municipalities: muniRows
            .filter((m) => m.healthCenterId === o.id)
            .map((m) => ({ code: m.code, name: m.name, kind: m.kind })),
        })),
    })),
    totals: { regions: regionRows.length, offices: officeRows.length, municipalities: muniRows.length },
  };
}

export type ScopeSummary = {
  offices: { id: string; name: string; regionName: string; assigned: boolean }[];
  regionNames: string[];
  municipalityCount: number;
};

/** What the actor's reach covers, for the home page: offices, their regions, municipalities. */
export function getScopeSummaryForActor(actor: Actor): ScopeSummary {
  const db = getDb();
  const offices = db
    .select({ id: healthCenters.id, name: healthCenters.name, regionName: regions.name, regionSort: regions.sort })
    .from(healthCenters)
    .innerJoin(regions, eq(regions.id, healthCenters.regionId))
    .where(inReach(actor, healthCenters.id))
    .orderBy(asc(healthCenters.sort))
    .all();
  const ids = offices.map((o) => o.id);
  const [{ n }] = (
    ids.length
      ? db.select({ n: count() }).from(municipalities).where(inArray(municipalities.healthCenterId, ids)).all()
      : [{ n: 0 }]
  ) as [{ n: number }];
  const regionNames = [...new Map(offices.map((o) => [o.regionSort, o.regionName])).entries()]
    .sort(([a], [b]) => a - b)
    .map(([, name]) => name);
  return {
    offices: offices.map((o) => ({ id: o.id, name: o.name, regionName: o.regionName, assigned: actor.assignedOfficeIds.includes(o.id) })),
    regionNames,
    municipalityCount: n,
  };
}

/** Offices of the actor's prefecture, for pickers (admin user form). */
export function listPrefectureOfficesForActor(actor: Actor): { id: string; name: string }[] {
  return getDb()
    .select({ id: healthCenters.id, name: healthCenters.name })
    .from(healthCenters)
    .where(inPrefecture(actor, healthCenters.prefectureCode))
    .orderBy(asc(healthCenters.sort))
    .all();
}

/** Municipalities of the actor's prefecture, for pickers (hospital master, forms). */
export function listMunicipalitiesForActor(actor: Actor): { code: string; name: string }[] {
  return getDb()
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inPrefecture(actor, municipalities.prefectureCode))
    .orderBy(asc(municipalities.sort))
    .all();
}
