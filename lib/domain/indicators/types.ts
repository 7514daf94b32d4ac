/**
 * The shape of an achievement indicator (達成度指標) and of its value, shared by the registry
 * (definitions.ts), the engine in lib/dal/indicators and the screens. Pure types: no I/O.
 */
import type { Label } from "@/lib/domain/codes";
import type { Comparator, ScopeLevel } from "@/lib/domain/statistic-codes";

export type IndicatorKind = "count" | "ratio" | "mean" | "median" | "coverage" | "external" | "qualitative";

export type IndicatorUnit =
  | "times"
  | "people"
  | "cases"
  | "percent"
  | "days"
  | "hours"
  | "places"
  | "regions"
  | "municipalities"
  | "offices"
  | "nights"
  | "hospitals"
  | "beds"
  | "perYear"
  | "presence";

/** Where an indicator sits: the sheet's 基本情報, the seeds' own indicators, 活動指標, case outcomes. */
export type IndicatorGroup = "basic" | "seed" | "activity" | "case";

/** Which records a drill-down lists. */
export type RecordKind =
  | "meeting"
  | "training"
  | "event"
  | "kyogi_body"
  | "municipal_status"
  | "peer"
  | "dispatch"
  | "outreach_case"
  | "outreach_contact"
  | "case"
  | "statistic"
  | "month"
  | "office"
  | "region"
  | "municipality";

export type IndicatorDefinition = {
  code: string;
  group: IndicatorGroup;
  name: Label;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  /** What is counted and how, as shown to users beside the figure. */
  definition: Label;
  /** The scopes it is computed for (an external statistic is the prefecture's only). */
  scopes: readonly ScopeLevel[];
  /** Counts persons: below the prefecture, 1–4 read 「5未満」 for prefecture staff. */
  countsPersons: boolean;
  /** The programme's own measure (本事業独自指標), never to be read as the NDB rate. */
  ownMeasure?: boolean;
  /** Which way is better, for the trend chart's wording. */
  direction?: "higher" | "lower";
  /** The records a drill-down lists. */
  records?: RecordKind;
};

/** One part of a figure: by scope, by sector, new / continuing … */
export type BreakdownItem = { key: string; label: Label; value: number | null; suppressed?: boolean };

/** A figure that cannot be computed (yet), with the reason shown to users. */
export type NotComputable = { reason: Label; availableFrom?: string };

export type IndicatorValue = {
  code: string;
  fiscalYear: number;
  /** The figure (a percentage for ratios and coverage); null when not computable or qualitative. */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Records the figure is computed over (cases averaged, cohort size …). */
  n?: number;
  /** 5未満: a small person count hidden from prefecture staff below the prefecture. */
  suppressed?: boolean;
  /** Qualitative statement (S2) or a coverage's wording (「5か所以上」). */
  text?: Label;
  breakdown?: BreakdownItem[];
  notComputable?: NotComputable;
  /** Where an external figure comes from: source label, reference date or cohort year, method. */
  source?: { label: string; asOf: string | null; cohortYear: number | null; method: string; statisticId: string };
};

export type TargetStatus = "achieved" | "not_achieved" | "in_progress" | "no_target" | "not_computable" | "qualitative";

export type IndicatorTarget = {
  id: string;
  fiscalYear: number;
  comparator: Comparator;
  value: number | null;
  text: string | null;
  baselineValue: number | null;
  baselineFiscalYear: number | null;
  source: string | null;
  planPeriodLabel: Label | null;
};
