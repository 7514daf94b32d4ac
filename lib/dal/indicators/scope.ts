import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, regions } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Label } from "@/lib/domain/codes";
import type { ScopeLevel } from "@/lib/domain/statistic-codes";
import type { Actor } from "../actor";
import { countScopeOf, type CountScope, type ScopeRef } from "../count-scope";
import { AppError } from "../errors";
import { officesInReach } from "../scope";

/*
 * Which scopes of the org tree an actor may see indicators for, and how a scope is named in a URL
 * (`?scope=prefecture`, `region:bizen`, `office:bizen`: the codes of the org tree, ADR 0007).
 * - prefecture staff: the prefecture, any of its regions, any of its offices;
 * - office staff: the offices they reach, each counted over the part of it they reach.
 * Anything else (another prefecture's code, an office out of reach, admins) is not_found.
 */

export type IndicatorScope = {
  /** As written in URLs and the API: "prefecture", "region:<code>", "office:<code>". */
  param: string;
  level: ScopeLevel;
  ref: ScopeRef;
  label: Label;
  /** For an office: the 支所 it rolls up (named in the label). */
  includesBranches: boolean;
  regionId: string | null;
  /** For a 支所: the scope of its office. */
  parentParam: string | null;
};

const notFound = () => new AppError("not_found", "errors.notFound");

export function requireIndicatorRead(actor: Actor): void {
  if (!can(actor.role, "read:indicator:reach")) throw notFound();
}

/** Prefecture staff see the whole prefecture; office staff only what they reach. */
export function seesWholePrefecture(actor: Actor): boolean {
  return can(actor.role, "read:aggregate:prefecture");
}

type OfficeRow = { id: string; code: string; name: string; parentId: string | null; regionId: string };

function officesFor(actor: Actor): OfficeRow[] {
  const db = getDb();
  const columns = { id: healthCenters.id, code: healthCenters.code, name: healthCenters.name, parentId: healthCenters.parentId, regionId: healthCenters.regionId };
  const where = seesWholePrefecture(actor) ? eq(healthCenters.prefectureCode, actor.prefectureCode) : inArray(healthCenters.id, officesInReach(actor));
  return db.select(columns).from(healthCenters).where(where).orderBy(asc(healthCenters.sort)).all();
}

/** Every scope the actor may pick, the default first (prefecture staff: the prefecture; office staff: their first office). */
export function indicatorScopesForActor(actor: Actor): IndicatorScope[] {
  requireIndicatorRead(actor);
  const offices = officesFor(actor);
  const officeIds = new Set(offices.map((o) => o.id));
  const officeScopes: IndicatorScope[] = offices.map((o) => {
    const branches = offices.filter((b) => b.parentId === o.id);
    const branchNames = branches.map((b) => b.name).join("・");
    return {
      param: `office:${o.code}`,
      level: "office",
      ref: { level: "office", officeId: o.id },
      label: branches.length ? { ja: `${o.name}（${branchNames}を含む）`, en: `${o.name} (with ${branchNames})` } : { ja: o.name, en: o.name },
      includesBranches: branches.length > 0,
      regionId: o.regionId,
      parentParam: o.parentId ? `office:${offices.find((p) => p.id === o.parentId)?.code ?? ""}` : null,
    };
  });
  // A supervisor reaching an office and its branch sees the office (with the branch) first.
  officeScopes.sort((a, b) => Number(b.includesBranches) - Number(a.includesBranches));
  if (!seesWholePrefecture(actor)) return officeScopes.filter((s) => s.ref.level === "office" && officeIds.has(s.ref.officeId));
  const regionScopes: IndicatorScope[] = getDb()
    .select({ id: regions.id, code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.prefectureCode, actor.prefectureCode))
    .orderBy(asc(regions.sort))
    .all()
    .map((r) => ({ param: `region:${r.code}`, level: "region", ref: { level: "region", regionId: r.id }, label: { ja: r.name, en: r.name }, includesBranches: false, regionId: r.id, parentParam: null }));
  const prefecture: IndicatorScope = { param: "prefecture", level: "prefecture", ref: { level: "prefecture" }, label: actor.prefectureName, includesBranches: false, regionId: null, parentParam: null };
  return [prefecture, ...regionScopes, ...officeScopes];
}

/** The scope a URL names, if the actor may see it; the default when none is named. */
export function resolveIndicatorScope(actor: Actor, param: string | null | undefined): IndicatorScope {
  const choices = indicatorScopesForActor(actor);
  if (choices.length === 0) throw notFound();
  if (!param) return choices[0]!;
  const found = choices.find((c) => c.param === param);
  if (!found) throw new AppError("not_found", "errors.scopeOutOfReach");
  return found;
}

/** The rows a scope counts for this actor (office staff: only the part of an office they reach). */
export function countScopeFor(actor: Actor, scope: IndicatorScope): CountScope {
  return countScopeOf(actor.prefectureCode, scope.ref, seesWholePrefecture(actor) ? undefined : officesInReach(actor));
}

/** Offices that are not a 支所 (branches roll up into their office). */
export function topLevelOffices(scopes: IndicatorScope[]): IndicatorScope[] {
  const ids = scopes.flatMap((s) => (s.ref.level === "office" ? [s.ref.officeId] : []));
  if (ids.length === 0) return [];
  const rows = getDb().select({ id: healthCenters.id, parentId: healthCenters.parentId }).from(healthCenters).where(inArray(healthCenters.id, ids)).all();
  const branch = new Set(rows.filter((r) => r.parentId !== null).map((r) => r.id));
  return scopes.filter((s) => s.ref.level === "office" && !branch.has(s.ref.officeId));
}

