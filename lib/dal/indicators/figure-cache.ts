import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { indicatorGenerations } from "@/db/schema";
import { preparedFor } from "../prepared";
import type { Computed } from "./context";

/*
 * Figures computed once while their inputs stand still (ADR 0055).
 *
 * Every write of a table a figure reads adds one to its prefecture's generation, by a trigger in
 * the writing transaction (db/indicator-inputs.ts). A figure computed at a generation is kept in
 * this process under its scope, reach, year, day and code, and handed out again for as long as
 * the prefecture's generation (plus the shared "*" one) is the same: the next read after any
 * commit, in any process, computes afresh. So nothing here is stale by even a request, and the
 * figures still come from the indicators' own functions; only their repetition is saved.
 *
 * The generation is read before the figures are computed: a write that commits in between makes
 * the kept figure look older than it is (computed again next time), never newer.
 */

/** Kept figures per process; the least recently used go first. */
const LIMIT = 50_000;

type Kept = { generation: number; value: Omit<Computed, "records">; listsRecords: boolean };

/** This database's kept figures (one map per handle, as its prepared statements: lib/dal/prepared.ts). */
function keptFor(db: Db): Map<string, Kept> {
  return preparedFor(db, "indicators.keptFigures", () => new Map<string, Kept>());
}

/** The prefecture's generation: changes of its inputs plus changes of the shared ones. */
export function indicatorGeneration(prefectureCode: string): number {
  const row = preparedFor(getDb(), "indicators.generation", (db) =>
    db
      .select({ generation: sql<number>`coalesce(sum(${indicatorGenerations.generation}), 0)` })
      .from(indicatorGenerations)
      .where(inArray(indicatorGenerations.prefectureCode, [sql.placeholder("prefectureCode"), "*"]))
      .prepare(),
  ).get({ prefectureCode });
  return row?.generation ?? 0;
}

export function isKeptFigure(key: string, generation: number): boolean {
  return keptFor(getDb()).get(key)?.generation === generation;
}

/**
 * The figure kept under `key` at `generation`, or `compute()`'s, kept. A kept figure's records
 * (the drill-down) are listed by computing it again: `relist` (only a figure's page asks).
 */
export function keptFigure(key: string, generation: number, compute: () => Computed, relist: () => Computed): Computed {
  const kept = keptFor(getDb());
  const hit = kept.get(key);
  if (hit && hit.generation === generation) {
    kept.delete(key);
    kept.set(key, hit);
    return hit.listsRecords ? { ...hit.value, records: () => relist().records?.() ?? [] } : hit.value;
  }
  const computed = compute();
  const { records, ...value } = computed;
  kept.delete(key);
  kept.set(key, { generation, value: deepFreeze(value), listsRecords: records !== undefined });
  if (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
  return computed;
}

/** A kept figure is shared by every later request: nothing may change it in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Drop this process's kept figures, so the next are computed as after a write: for tools that must
 * see the computation (the query-plan test, the indicator profile) and tests comparing two ways to it.
 */
export function forgetKeptFigures(): void {
  keptFor(getDb()).clear();
}
