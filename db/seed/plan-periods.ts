import "server-only";
import type { Tx } from "@/db/client";
import { planPeriods } from "@/db/schema";

/**
 * The national plan periods (domain brief §7.1): master data like the org tree, loaded into an
 * empty table whether or not demo data is on. 障害福祉計画 runs in 3-year periods, 医療計画 in 6.
 */
export const PLAN_PERIODS = [
  { id: "shogai_fukushi-5", kind: "shogai_fukushi", ordinal: 5, startFiscalYear: 2018, endFiscalYear: 2020, labelJa: "第5期障害福祉計画", labelEn: "5th disability welfare plan" },
  { id: "shogai_fukushi-6", kind: "shogai_fukushi", ordinal: 6, startFiscalYear: 2021, endFiscalYear: 2023, labelJa: "第6期障害福祉計画", labelEn: "6th disability welfare plan" },
  { id: "shogai_fukushi-7", kind: "shogai_fukushi", ordinal: 7, startFiscalYear: 2024, endFiscalYear: 2026, labelJa: "第7期障害福祉計画", labelEn: "7th disability welfare plan" },
  { id: "shogai_fukushi-8", kind: "shogai_fukushi", ordinal: 8, startFiscalYear: 2027, endFiscalYear: 2029, labelJa: "第8期障害福祉計画", labelEn: "8th disability welfare plan" },
  { id: "iryo-7", kind: "iryo", ordinal: 7, startFiscalYear: 2018, endFiscalYear: 2023, labelJa: "第7次医療計画", labelEn: "7th medical care plan" },
  { id: "iryo-8", kind: "iryo", ordinal: 8, startFiscalYear: 2024, endFiscalYear: 2029, labelJa: "第8次医療計画", labelEn: "8th medical care plan" },
] as const;

export function loadPlanPeriods(tx: Tx): number {
  for (const p of PLAN_PERIODS) tx.insert(planPeriods).values(p).onConflictDoNothing().run();
  return PLAN_PERIODS.length;
}
