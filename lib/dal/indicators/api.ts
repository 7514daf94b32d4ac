import "server-only";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import type { IndicatorKind, IndicatorUnit, TargetStatus } from "@/lib/domain/indicators/types";
import type { Label } from "@/lib/domain/codes";
import type { Actor } from "../actor";
import { getIndicatorBoardForActor, type IndicatorFigure } from "./index";

/** One indicator or 基本情報 item as the JSON API answers it (stable field names: the API's contract). */
export type ApiIndicator = {
  code: string;
  name: Label;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
  suppressed: boolean;
  text: Label | null;
  breakdown: { key: string; label: Label; value: number | null; suppressed: boolean }[];
  source: { label: string; asOf: string | null; cohortYear: number | null; method: string } | null;
  notComputable: { reason: Label; availableFrom: string | null } | null;
  ownMeasure: boolean;
  target: { fiscalYear: number; comparator: string; value: number | null; text: string | null; baselineValue: number | null; baselineFiscalYear: number | null; source: string | null } | null;
  status: TargetStatus;
  progressPercent: number | null;
};

export type ApiIndicatorsResponse = {
  prefecture: string;
  fiscalYear: number;
  scope: { param: string; level: string; name: Label };
  basicInfo: ApiIndicator[];
  indicators: ApiIndicator[];
};

function toApi(f: IndicatorFigure): ApiIndicator {
  return {
    code: f.code,
    name: f.definition.name,
    kind: f.definition.kind,
    unit: f.definition.unit,
    value: f.value,
    numerator: f.numerator ?? null,
    denominator: f.denominator ?? null,
    n: f.n ?? null,
    suppressed: f.suppressed ?? false,
    text: f.text ?? null,
    breakdown: (f.breakdown ?? []).map((b) => ({ key: b.key, label: b.label, value: b.value, suppressed: b.suppressed ?? false })),
    source: f.source ? { label: f.source.label, asOf: f.source.asOf, cohortYear: f.source.cohortYear, method: f.source.method } : null,
    notComputable: f.notComputable ? { reason: f.notComputable.reason, availableFrom: f.notComputable.availableFrom ?? null } : null,
    ownMeasure: f.definition.ownMeasure ?? false,
    target: f.target
      ? { fiscalYear: f.target.fiscalYear, comparator: f.target.comparator, value: f.target.value, text: f.target.text, baselineValue: f.target.baselineValue, baselineFiscalYear: f.target.baselineFiscalYear, source: f.target.source }
      : null,
    status: f.achievement.status,
    progressPercent: f.achievement.progressPercent,
  };
}

/** The dashboard's figures as JSON (the same computation, so the API and the screens agree). */
export function indicatorsApiForActor(actor: Actor, o: { fiscalYear: number | null; scope: string | null }): ApiIndicatorsResponse {
  const board = getIndicatorBoardForActor(actor, { fiscalYear: o.fiscalYear ?? currentFiscalYear(), scope: o.scope, trends: false });
  const all = board.groups.flatMap((g) => g.figures);
  return {
    prefecture: actor.prefectureCode,
    fiscalYear: board.fiscalYear,
    scope: { param: board.scope.param, level: board.scope.level, name: board.scope.label },
    basicInfo: all.filter((f) => f.definition.group === "basic").map(toApi),
    indicators: all.filter((f) => f.definition.group !== "basic").map(toApi),
  };
}
