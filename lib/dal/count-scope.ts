import "server-only";
import { and, asc, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { healthCenters, municipalities, regions, trainingEventCohosts, trainingEvents } from "@/db/schema";
import type { Actor } from "./actor";
import { officesInReach } from "./scope";

/*
 * Which rows a yearly count covers. The same counting functions serve two callers, so a list
 * page's figures and the indicator sheet's can never disagree (they run the same SQL):
 *
 * - an actor's list pages count what the actor may read (`countScopeOfActor`): the offices in
 *   reach, plus the prefecture's own rows (office_id NULL) of the actor's prefecture;
 * - the indicator engine counts one scope of the org tree (`countScopeOf`): the whole
 *   prefecture, a region (障害保健福祉圏域) or an office, where an office includes its 支所
 *   (branches roll up into their office through parent_id). The prefecture's own rows count
 *   for the prefecture, and for a region only when the row names that region.
 *
 * The caller checks that the actor may see the scope before building it (lib/dal/indicators).
 */

export type ScopeRef = { level: "prefecture" } | { level: "region"; regionId: string } | { level: "office"; officeId: string };

type OfficeIds = ReturnType<typeof officesInReach>;

export type CountScope = {
  prefectureCode: string;
  /** The offices whose rows count, as a subquery of health_centers ids. */
  offices: OfficeIds;
  /** Whether rows the prefecture itself owns (office_id NULL) count: all, none, or those naming a region. */
  prefectureRows: "all" | "none" | { regionId: string };
  /** The scope as the engine names it; null for an actor's list pages. */
  ref: ScopeRef | null;
  /** Every office of the prefecture (the prefecture scope, not narrowed to a role's reach). */
  wholePrefecture?: boolean;
};

export function countScopeOfActor(actor: Actor): CountScope {
  return { prefectureCode: actor.prefectureCode, offices: officesInReach(actor), prefectureRows: "all", ref: null };
}

/**
 * A scope of the org tree of one prefecture. `within` narrows its offices to those an office
 * role reaches: a coordinator of 備前保健所 who does not reach its 東備支所 counts 備前 alone,
 * exactly as on their list pages, while its supervisor and prefecture staff count both.
 */
export function countScopeOf(prefectureCode: string, ref: ScopeRef, within?: OfficeIds): CountScope {
  const db = getDb();
  const samePrefecture = and(eq(healthCenters.prefectureCode, prefectureCode), within ? inArray(healthCenters.id, within) : undefined);
  const select = (condition: SQL | undefined) => db.select({ id: healthCenters.id }).from(healthCenters).where(and(samePrefecture, condition));
  switch (ref.level) {
    case "prefecture":
      return { prefectureCode, offices: select(undefined), prefectureRows: "all", ref, wholePrefecture: !within };
    case "region":
      return { prefectureCode, offices: select(eq(healthCenters.regionId, ref.regionId)), prefectureRows: { regionId: ref.regionId }, ref };
    case "office":
      return { prefectureCode, offices: select(or(eq(healthCenters.id, ref.officeId), eq(healthCenters.parentId, ref.officeId))), prefectureRows: "none", ref };
  }
}

/** `column IN (the scope's offices)` for office-owned rows (cases, peers, dispatches, outreach). */
export function inScopeOffices(scope: CountScope, officeColumn: AnySQLiteColumn): SQL {
  return inArray(officeColumn, scope.offices);
}

/**
 * Rows of a table owned by an office or by the prefecture itself (meetings, trainings, events,
 * 協議の場): the scope's offices' rows and, as the scope says, the prefecture's own.
 */
export function ownedRows(scope: CountScope, cols: { prefectureCode: AnySQLiteColumn; officeId: AnySQLiteColumn; regionId?: AnySQLiteColumn }): SQL {
  const own = scope.prefectureRows;
  const prefectureOwn: SQL | undefined =
    own === "all" ? isNull(cols.officeId) : own === "none" || !cols.regionId ? undefined : and(isNull(cols.officeId), eq(cols.regionId, own.regionId));
  return and(eq(cols.prefectureCode, scope.prefectureCode), or(inArray(cols.officeId, scope.offices), prefectureOwn))!;
}

/** Trainings: the owner rule, or co-hosted by one of the scope's offices (県北3保健所合同). */
export function trainingRows(scope: CountScope): SQL {
  const cohosted = exists(
    getDb()
      .select({ one: sql`1` })
      .from(trainingEventCohosts)
      .where(and(eq(trainingEventCohosts.trainingEventId, trainingEvents.id), inArray(trainingEventCohosts.officeId, scope.offices))),
  );
  return or(
    ownedRows(scope, { prefectureCode: trainingEvents.prefectureCode, officeId: trainingEvents.officeId, regionId: trainingEvents.regionId }),
    and(eq(trainingEvents.prefectureCode, scope.prefectureCode), cohosted),
  )!;
}

/**
 * Municipalities of the scope: a region's are those of the region (a municipality counts by its
 * own region, whichever office serves it); otherwise those served by the scope's offices.
 */
export function scopeMunicipalities(scope: CountScope): SQL {
  const own = scope.ref?.level === "region" ? eq(municipalities.regionId, scope.ref.regionId) : inArray(municipalities.healthCenterId, scope.offices);
  return and(eq(municipalities.prefectureCode, scope.prefectureCode), own)!;
}

/** Regions of the scope (those with an office in it), in their order. */
export function scopeRegions(scope: CountScope): { id: string; name: string }[] {
  const db = getDb();
  return db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(eq(regions.prefectureCode, scope.prefectureCode), inArray(regions.id, db.select({ id: healthCenters.regionId }).from(healthCenters).where(inArray(healthCenters.id, scope.offices)))))
    .orderBy(asc(regions.sort))
    .all();
}
