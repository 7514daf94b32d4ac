/**
 * Benchmark of the case lists and the supervisor's caseload at a size well beyond one
 * office's reality: the demo data plus N synthetic cases in 備前保健所 (default 20,000).
 *   npm run bench:cases [-- 50000]
 * Prints median and 95th-percentile times per query. Not a test: numbers depend on the machine.
 */
import { closeBench, openBenchDatabase, timeInsert, timeQueries } from "./harness";

const extra = Number(process.argv[2] ?? 20_000);

async function main() {
  const { cases, personIdentities, persons, caseActivities, followUpChecks } = await import("@/db/schema");
  const { listCasesForActor, getCaseloadForActor, getCaseSummaryForActor } = await import("@/lib/dal/case-list");
  const { eq } = await import("drizzle-orm");
  const { writePersonTokens } = await import("@/lib/dal/name-tokens");

  const { db, actorNamed } = await openBenchDatabase();
  const template = db.select().from(cases).where(eq(cases.officeId, "33-bizen")).all();
  const identities = new Map(db.select().from(personIdentities).all().map((i) => [i.personId, i]));
  const personRows = new Map(db.select().from(persons).all().map((p) => [p.id, p]));
  timeInsert(`${extra} synthetic cases`, () =>
    db.transaction((tx) => {
      for (let i = 0; i < extra; i++) {
        const c = template[i % template.length]!;
        const id = `bench-c-${i}`;
        const personId = `bench-p-${i}`;
        tx.insert(persons).values({ ...personRows.get(c.personId)!, id: personId }).run();
        const identity = identities.get(c.personId)!;
        // The kanji keys read back as HMACs: any distinct text will do for the synthetic rows (ADR 0040).
        tx.insert(personIdentities).values({ ...identity, personId, kanaKey: `${identity.kanaKey}${i % 97}`, familyNameKey: `${identity.familyNameKey}${i}`, nameKey: `${identity.nameKey}${i}` }).run();
        writePersonTokens(tx, personId, identity);
        tx.insert(cases).values({ ...c, id, personId, caseNo: `33-BZ-2099-${String(i).padStart(6, "0")}` }).run();
        if (i % 3 === 0) {
          tx.insert(caseActivities).values({ id: `bench-a-${i}`, caseId: id, date: c.supportStartDate, activityType: "ward_visit", createdBy: c.createdBy, createdAt: c.createdAt }).run();
        }
        if (c.dischargeDate && i % 2 === 0) {
          tx.insert(followUpChecks).values({ id: `bench-f-${i}`, caseId: id, offsetMonths: 1, dueDate: c.dischargeDate }).run();
        }
      }
    }),
  );

  const coord = actorNamed("bizen.coord");
  const sup = actorNamed("bizen.sup");
  const page = { page: 1, pageSize: 50, sort: "caseNo", dir: "asc" } as const;
  timeQueries([
    ["list: office, first page", () => listCasesForActor(sup, page, {})],
    ["list: office, page 200 by last activity", () => listCasesForActor(sup, { ...page, page: 200, sort: "lastActivityDate", dir: "desc" }, {})],
    ["list: mine, phase 退院準備", () => listCasesForActor(coord, page, { mine: true, phase: "preparation" })],
    ["list: kana search", () => listCasesForActor(sup, page, { q: "みほん" })],
    ["list: office, sorted by kana (in the app)", () => listCasesForActor(sup, { ...page, sort: "kana" }, {})],
    ["list: office, page 100 by kana, desc", () => listCasesForActor(sup, { ...page, page: 100, sort: "kana", dir: "desc" }, {})],
    ["list: overdue follow-ups", () => listCasesForActor(sup, page, { flag: "overdue_follow_up" })],
    ["list: active in FY2023", () => listCasesForActor(sup, page, { fiscalYear: 2023 })],
    ["caseload (supervisor)", () => getCaseloadForActor(sup)],
    ["home summary", () => getCaseSummaryForActor(sup)],
  ]);
  closeBench();
}

void main();
