/**
 * The hot paths of issue 14's budgets as the pages call the data-access layer, and the tools to
 * see the SQL they run: every statement prepared while a path runs, and SQLite's query plan of each.
 * Shared by the query-plan test (tests/perf/query-plans.test.ts) and `npm run bench:plans`, which
 * prints the plans over a real (say national) database.
 */
import type Database from "better-sqlite3";
import type { Actor } from "@/lib/dal/actor";

export type HotPathContext = {
  coordinator: Actor;
  prefecture: Actor;
  fiscalYear: number;
  /** A case the coordinator reaches. */
  caseId: string;
  /** The start of a family-name kana the coordinator's persons have (two characters or more). */
  kana: string;
};

export type HotPath = { name: string; run: (ctx: HotPathContext) => Promise<unknown> | unknown };

async function forgetKeptFigures(): Promise<void> {
  (await import("@/lib/dal/indicators/figure-cache")).forgetKeptFigures();
}

/** What each page of the bench calls (app/(app)/…/page.tsx and the API route), in the order they call it. */
export const HOT_PATHS: HotPath[] = [
  // Each indicator path as the first read after a write (its figures computed, none kept: ADR 0055).
  {
    name: "自治体情報シート (sheet page)",
    run: async (c) => {
      await forgetKeptFigures();
      return (await import("@/lib/dal/indicators/sheet")).getSheetForActor(c.prefecture, { prefectureCode: c.prefecture.prefectureCode, fiscalYear: c.fiscalYear, locale: "ja" });
    },
  },
  {
    name: "indicators API",
    run: async (c) => {
      await forgetKeptFigures();
      return (await import("@/lib/dal/indicators/api")).indicatorsApiForActor(c.prefecture, { fiscalYear: c.fiscalYear, scope: null });
    },
  },
  {
    name: "indicator dashboard",
    run: async (c) => {
      await forgetKeptFigures();
      return (await import("@/lib/dal/indicators")).getIndicatorBoardForActor(c.prefecture, { fiscalYear: c.fiscalYear });
    },
  },
  {
    name: "case list (phase filter, page 2)",
    run: async (c) => {
      const { listCasesForActor } = await import("@/lib/dal/case-list");
      return listCasesForActor(c.coordinator, { page: 2, pageSize: 20, sort: "caseNo", dir: "asc" }, { openOnly: true, phase: "engagement" });
    },
  },
  {
    name: "case list (default)",
    run: async (c) => (await import("@/lib/dal/case-list")).listCasesForActor(c.coordinator, { page: 1, pageSize: 50, sort: "lastActivityDate", dir: "desc" }, { openOnly: true }),
  },
  {
    name: "case page",
    run: async (c) => {
      const { getCaseForActor } = await import("@/lib/dal/cases");
      const { listDispatchesOfCaseForActor } = await import("@/lib/dal/peer-dispatch-list");
      const { listTransfersOfCase } = await import("@/lib/dal/case-transfers");
      getCaseForActor(c.coordinator, c.caseId);
      listDispatchesOfCaseForActor(c.coordinator, c.caseId);
      return listTransfersOfCase(c.coordinator, c.caseId);
    },
  },
  { name: "kana search", run: async (c) => (await import("@/lib/dal/person-lookup")).searchPersonsForActor(c.coordinator, "outreach", c.kana) },
  {
    name: "case list kana filter",
    run: async (c) => (await import("@/lib/dal/case-list")).listCasesForActor(c.coordinator, { page: 1, pageSize: 20, sort: "caseNo", dir: "asc" }, { q: c.kana }),
  },
  {
    // What the layout runs on every page a coordinator opens: the header's reminders badge (both
    // views) and the demo banner's marker.
    name: "every page (reminders badge, demo marker)",
    run: async (c) => {
      const { countRemindersForActor } = await import("@/lib/dal/reminders");
      const { isDemoDatabase } = await import("@/lib/dal/demo-data");
      countRemindersForActor(c.coordinator, "mine");
      countRemindersForActor(c.coordinator, "office");
      return isDemoDatabase();
    },
  },
  {
    name: "peer dispatch list",
    run: async (c) => {
      const { listDispatchesForActor } = await import("@/lib/dal/peer-dispatch-list");
      const { getDispatchYearSummaryForActor } = await import("@/lib/dal/peer-dispatch-summary");
      listDispatchesForActor(c.coordinator, { page: 1, pageSize: 20, sort: "date", dir: "desc" }, {});
      return getDispatchYearSummaryForActor(c.coordinator, c.fiscalYear);
    },
  },
];

export type Statement = { source: string; params: unknown[] };

/**
 * Every statement run on `sqlite` while `run` runs, with the values of its first run: those
 * prepared during the run (drizzle prepares each query it builds) and those prepared before it
 * (kept per connection, db/statement-cache.ts, or prepared once per handle, lib/dal/prepared.ts:
 * a hot path's statements may all have been prepared by an earlier request). The methods that
 * run a statement are wrapped on better-sqlite3's Statement prototype for the capture and put
 * back afterwards; statements of other connections pass through.
 */
export async function statementsOf(sqlite: Database.Database, run: () => unknown): Promise<Statement[]> {
  const seen = new Map<string, Statement>();
  const proto = Object.getPrototypeOf(sqlite.prepare("SELECT 1")) as Record<"all" | "get" | "run" | "iterate", (...args: unknown[]) => unknown>;
  const originals = (["all", "get", "run", "iterate"] as const).map((method) => [method, proto[method]] as const);
  for (const [method, original] of originals) {
    proto[method] = function (this: Database.Statement, ...params: unknown[]) {
      if (this.database === sqlite && !seen.has(this.source)) seen.set(this.source, { source: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    await run();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  return [...seen.values()];
}

/** SQLite's plan of a statement, one line per step ("SEARCH cases USING INDEX …"). */
export function queryPlan(sqlite: Database.Database, statement: Statement): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(...statement.params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** Tables that grow with the records (a full scan of one grows with the country). */
export const GROWING_TABLES = [
  "cases",
  "case_activities",
  "case_phase_events",
  "care_plans",
  "follow_up_checks",
  "hospitalizations",
  "trial_stays",
  "persons",
  "person_identities",
  "person_name_tokens",
  "outreach_cases",
  "outreach_contacts",
  "outreach_outcomes",
  "peer_dispatches",
  "peer_dispatch_members",
  "peer_supporters",
  "meetings",
  "meeting_attendance",
  "training_events",
  "training_attendance",
  "community_events",
  "audit_logs",
  "users",
  "hospitals",
  "health_centers",
  "municipalities",
];

/**
 * Indexes over the whole country that a scoped page must not start from: a kana prefix's token
 * names tens of thousands of persons nationally, the scope a few hundred (probe the scope's rows).
 */
export const NATIONAL_INDEXES = ["person_name_tokens_token_idx", "peer_name_tokens_token_idx"];

/**
 * The steps of a plan that read a growing table whole: `SCAN t` (with or without an index: a scan
 * of an index reads every entry too), or start from one of the NATIONAL_INDEXES. Other `SEARCH`
 * steps, and scans of small master tables, are fine.
 */
export function fullScansIn(plan: string[]): string[] {
  return plan.filter((step) => {
    const m = /^SCAN (\w+)(?: AS (\w+))?/.exec(step);
    return (!!m && GROWING_TABLES.includes(m[1]!)) || NATIONAL_INDEXES.some((index) => step.includes(` INDEX ${index} `));
  });
}
