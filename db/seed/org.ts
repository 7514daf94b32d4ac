import "server-only";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { healthCenters, municipalities, prefectures, regions } from "@/db/schema";
import { HEALTH_CENTER_KINDS, MUNICIPALITY_KINDS } from "@/lib/domain/codes";
import orgUnitsJson from "./org-units.json";

/** The shape of db/seed/org-units.json, checked before anything is written. */
const OrgUnitsSchema = z.object({
  prefectures: z.array(
    z.object({
      prefecture: z.object({ code: z.string().length(2), name: z.string(), name_en: z.string() }),
      regions: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          municipalities: z.array(
            z.object({
              code: z.string().regex(/^\d{6}$/),
              name: z.string(),
              kind: z.enum(MUNICIPALITY_KINDS),
              health_center: z.string(),
            }),
          ),
        }),
      ),
      health_centers: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          kind: z.enum(HEALTH_CENTER_KINDS),
          case_prefix: z.string().regex(/^[A-Z]{2,3}$/),
          parent: z.string().nullable(),
          region: z.string(),
        }),
      ),
    }),
  ),
});

/** Ids are prefixed with the prefecture code: office codes such as "bizen" are only unique within one. */
export const orgId = (prefectureCode: string, code: string) => `${prefectureCode}-${code}`;

export function loadOrgTree(tx: Tx): { prefectures: number; regions: number; offices: number; municipalities: number } {
  const data = OrgUnitsSchema.parse(orgUnitsJson);
  const counts = { prefectures: 0, regions: 0, offices: 0, municipalities: 0 };
  for (const p of data.prefectures) {
    const pref = p.prefecture.code;
    tx.insert(prefectures).values({ code: pref, name: p.prefecture.name, nameEn: p.prefecture.name_en }).run();
    counts.prefectures++;
    p.regions.forEach((r, i) => {
      tx.insert(regions).values({ id: orgId(pref, r.code), prefectureCode: pref, code: r.code, name: r.name, sort: i + 1 }).run();
      counts.regions++;
    });
    // Parents before branches, so the self-reference is satisfied as rows go in.
    const ordered = [...p.health_centers].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
    for (const hc of ordered) {
      tx.insert(healthCenters)
        .values({
          id: orgId(pref, hc.code),
          prefectureCode: pref,
          regionId: orgId(pref, hc.region),
          parentId: hc.parent ? orgId(pref, hc.parent) : null,
          code: hc.code,
          kind: hc.kind,
          name: hc.name,
          casePrefix: hc.case_prefix,
          sort: p.health_centers.indexOf(hc) + 1,
        })
        .run();
      counts.offices++;
    }
    let sort = 0;
    for (const r of p.regions) {
      for (const m of r.municipalities) {
        tx.insert(municipalities)
          .values({
            code: m.code,
            prefectureCode: pref,
            regionId: orgId(pref, r.code),
            healthCenterId: orgId(pref, m.health_center),
            name: m.name,
            kind: m.kind,
            sort: ++sort,
          })
          .run();
        counts.municipalities++;
      }
    }
  }
  return counts;
}
