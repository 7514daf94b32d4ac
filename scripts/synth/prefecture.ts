import { DEMO_CASES_PER_OFFICE } from "@/db/seed/demo-cases";
import { generateCases, type CaseRef } from "./cases";
import type { Ctx, Office } from "./context";
import { REAL_TREES } from "./country";
import { generatePrefectureActivities } from "./meetings";
import { generateOutreach } from "./outreach";
import { generatePeers } from "./peers";
import { generateStatistics } from "./statistics";

/** One prefecture's work: everything it needs, read from the org tree (and cloneable to a worker). */
export type PrefectureJob = {
  code: string;
  name: string;
  population: number;
  totalCases: number;
  minCasesPerOffice: number;
  offices: Office[];
  regions: { id: string; name: string }[];
  municipalities: { code: string; regionId: string }[];
  prefectureUserId: string;
};

/**
 * A prefecture's ten years: its cases spread over its offices (岡山県 and 山口県 by the demo's
 * weights, the others by kind of office), and per office the outreach cases (a fifth of the
 * cases), peers and dispatches; then the prefecture's meetings, trainings, events, monthly
 * reports and sheet inputs. Returns the number of cases.
 */
export function generatePrefecture(ctx: Ctx, job: PrefectureJob): number {
  const weightRng = ctx.rng.fork(`weights-${job.code}`);
  const weights = job.offices.map((o) =>
    REAL_TREES.has(job.code)
      ? (DEMO_CASES_PER_OFFICE[o.code] ?? 8)
      : (o.kind === "designated_city" ? 3 : o.kind === "core_city" ? 2 : o.kind === "prefectural_branch" ? 0.6 : 1.2) * (0.7 + weightRng.next() * 0.6),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const caseRefs: CaseRef[] = [];
  job.offices.forEach((office, i) => {
    const n = Math.max(job.minCasesPerOffice, Math.round((job.totalCases * weights[i]!) / sum));
    generateCases(ctx, office, n, caseRefs);
    generateOutreach(ctx, office, Math.max(1, Math.round(n * 0.2)), 14);
    generatePeers(ctx, office, Math.min(20, 3 + Math.round(n / 40)), Math.max(1, n * 0.055), caseRefs);
  });
  generatePrefectureActivities(
    ctx,
    { code: job.code, name: job.name, regions: job.regions, municipalities: job.municipalities, offices: job.offices, prefectureUserId: job.prefectureUserId },
    Math.max(0.5, Math.min(3, job.totalCases / job.offices.length / 150)),
  );
  generateStatistics(ctx, { code: job.code, population: job.population, prefectureUserId: job.prefectureUserId, regions: job.regions.length });
  return caseRefs.length;
}
