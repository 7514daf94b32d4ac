import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, municipalities, regions } from "@/db/schema";
import { scopeMunicipalities, scopeRegions } from "../count-scope";
import { countOf, type ComputeFn } from "./context";

/*
 * 基本情報 counted from the organisation tree: regions, municipalities and offices (支所 counted:
 * 岡山県 11, 山口県 9). The tree is master data, so these are the tree as it is now.
 */

export const ORG_INDICATORS: Record<string, ComputeFn> = {
  "B.regions": (ctx) => {
    const rows = scopeRegions(ctx.scope);
    return countOf(rows.length, () => [{ kind: "region", ids: rows.map((r) => r.id) }]);
  },
  "B.municipalities": (ctx) => {
    const rows = getDb().select({ code: municipalities.code }).from(municipalities).where(scopeMunicipalities(ctx.scope)).orderBy(municipalities.sort).all();
    return countOf(rows.length, () => [{ kind: "municipality", ids: rows.map((r) => r.code) }]);
  },
  "B.health_centers": (ctx) => {
    const rows = getDb()
      .select({ id: healthCenters.id })
      .from(healthCenters)
      .where(and(eq(healthCenters.prefectureCode, ctx.prefectureCode), inArray(healthCenters.id, ctx.scope.offices)))
      .orderBy(healthCenters.sort)
      .all();
    return countOf(rows.length, () => [{ kind: "office", ids: rows.map((r) => r.id) }]);
  },
};

/** Region names by id, for breakdowns. */
export function regionNames(prefectureCode: string): Map<string, string> {
  return new Map(getDb().select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.prefectureCode, prefectureCode)).all().map((r) => [r.id, r.name]));
}
