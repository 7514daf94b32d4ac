import { z } from "zod";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import type { IndicatorUnit } from "@/lib/domain/indicators/types";
import { COMPARATORS, type ScopeLevel } from "@/lib/domain/statistic-codes";
import { optionalText, restatementReason } from "./fields";

/*
 * A target (目標値) for one indicator at one scope, for a fiscal year or for the end of a plan
 * period, shared by the browser and the server action. Whether the region or office named
 * belongs to the actor's prefecture, and which year a plan period ends in, only the server
 * knows (lib/dal/indicator-targets.ts checks them).
 */

const V = "indicatorInputs.validation.targets";

const ALWAYS = { when: () => true };

const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

/** Units counted in whole numbers; percentages, days and hours take one decimal. */
const WHOLE_UNITS: ReadonlySet<IndicatorUnit> = new Set<IndicatorUnit>(["times", "people", "cases", "places", "regions", "municipalities", "offices", "nights", "hospitals", "beds", "perYear"]);

/** The scope select sends `prefecture`, `region:<id>` or `office:<id>`. */
export type TargetScope = { level: "prefecture" } | { level: "region"; regionId: string } | { level: "office"; officeId: string };

export function scopeValue(scope: TargetScope): string {
  return scope.level === "prefecture" ? "prefecture" : scope.level === "region" ? `region:${scope.regionId}` : `office:${scope.officeId}`;
}

export function parseScopeValue(value: string): TargetScope | null {
  if (value === "prefecture") return { level: "prefecture" };
  const [level, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (!id || value.indexOf(":") < 0) return null;
  if (level === "region") return { level, regionId: id };
  if (level === "office") return { level, officeId: id };
  return null;
}

const normalizeNumber = (text: string) => text.trim().normalize("NFKC").replaceAll(",", "");

/** A number field: empty is null; a non-negative number with at most one decimal, else the message key. */
function readNumber(raw: unknown): number | null | { error: string } {
  // A field sent twice arrives as a list; its own schema reports it, this rule skips it.
  const text = normalizeNumber(typeof raw === "string" ? raw : "");
  if (text === "") return null;
  if (!/^\d+(\.\d)?$/.test(text) || Number(text) > 99_999_999) return { error: `${V}.numberFormat` };
  return Number(text);
}

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

function yearField(message: string) {
  return blank(
    z.string().transform((raw, ctx): number | null => {
      const text = normalizeNumber(raw);
      if (text === "") return null;
      const n = Number(text);
      if (!/^\d{4}$/.test(text) || n < 2000 || n > 2099) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    }),
  );
}

const numberField = blank(z.string());

const targetFields = {
  indicatorCode: z.string({ error: `${V}.indicatorRequired` }).trim().min(1, `${V}.indicatorRequired`),
  scope: z.string({ error: `${V}.scopeRequired` }).min(1, `${V}.scopeRequired`),
  /** A 計画期間: the target is then for the period's last year. */
  planPeriodId: blank(z.string().transform((v) => (v ? v : null))),
  fiscalYear: yearField(`${V}.fiscalYearFormat`),
  comparator: z.enum(COMPARATORS, `${V}.comparatorRequired`),
  value: numberField,
  text: blank(optionalText("note")),
  baselineValue: numberField,
  baselineFiscalYear: yearField(`${V}.baselineYearFormat`),
  source: blank(optionalText("title")),
  /** 訂正の理由, when the target's year is locked (ADR 0025); the server decides. */
  restatementReason,
};

type TargetShape = {
  indicatorCode?: string;
  scope?: string;
  planPeriodId?: string | null;
  fiscalYear?: number | null;
  comparator?: (typeof COMPARATORS)[number];
  value?: string;
  text?: string | null;
  baselineValue?: string;
  baselineFiscalYear?: number | null;
};

function checkTarget(v: TargetShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const def = v.indicatorCode ? indicatorDefinition(v.indicatorCode) : null;
  if (v.indicatorCode && !def) issue("indicatorCode", `${V}.indicatorUnknown`);
  const scope = v.scope ? parseScopeValue(v.scope) : null;
  if (v.scope && !scope) issue("scope", `${V}.scopeRequired`);
  if (def && scope && !def.scopes.includes(scope.level as ScopeLevel)) issue("scope", `${V}.scopeNotForIndicator`);
  if (!v.planPeriodId && v.fiscalYear === null) issue("fiscalYear", `${V}.fiscalYearRequired`);

  const value = readNumber(v.value);
  if (isError(value)) issue("value", value.error);
  else if (typeof value === "number" && def) {
    if (def.unit === "percent" && value > 100) issue("value", `${V}.percentRange`);
    else if (WHOLE_UNITS.has(def.unit) && !Number.isInteger(value)) issue("value", `${V}.wholeNumber`);
  }
  const baseline = readNumber(v.baselineValue);
  if (isError(baseline)) issue("baselineValue", baseline.error);

  const c = v.comparator;
  if ((c === "gte" || c === "lte" || c === "eq") && value === null) issue("value", `${V}.valueRequired`);
  if (c === "qualitative" && v.text === null) issue("text", `${V}.textRequired`);
  if (c === "increase" || c === "decrease") {
    if (baseline === null) issue("baselineValue", `${V}.baselineRequired`);
    if (v.baselineFiscalYear === null) issue("baselineFiscalYear", `${V}.baselineYearRequired`);
  } else if (baseline !== null && !isError(baseline) && v.baselineFiscalYear === null) {
    issue("baselineFiscalYear", `${V}.baselineYearRequired`);
  }
  if (v.baselineFiscalYear && baseline === null) issue("baselineValue", `${V}.baselineRequired`);
  const year = v.fiscalYear;
  if (typeof year === "number" && !v.planPeriodId && typeof v.baselineFiscalYear === "number" && v.baselineFiscalYear >= year) {
    issue("baselineFiscalYear", `${V}.baselineNotBefore`);
  }
}

/** Typed input: the scope parsed, numbers read; a qualitative target keeps no value. */
function toInput<T extends TargetShape & { indicatorCode: string; scope: string; comparator: (typeof COMPARATORS)[number] }>(v: T) {
  const value = readNumber(v.value);
  const baseline = readNumber(v.baselineValue);
  return {
    ...v,
    scope: parseScopeValue(v.scope)!,
    planPeriodId: v.planPeriodId ?? null,
    fiscalYear: v.fiscalYear ?? null,
    value: v.comparator === "qualitative" || isError(value) ? null : value,
    text: v.text ?? null,
    baselineValue: isError(baseline) ? null : baseline,
    baselineFiscalYear: v.baselineFiscalYear ?? null,
  };
}

export const TargetCreateSchema = z.object(targetFields).superRefine(checkTarget, ALWAYS).transform(toInput);
export type TargetInput = z.infer<typeof TargetCreateSchema>;

const version = z.coerce.number().int().min(1);

export const TargetUpdateSchema = z
  .object({ id: z.string().min(1), version, base: z.string().optional().default(""), ...targetFields })
  .superRefine(checkTarget, ALWAYS)
  .transform(toInput);
export type TargetUpdateInput = z.infer<typeof TargetUpdateSchema>;

export const TARGET_FIELDS = ["indicatorCode", "scope", "planPeriodId", "fiscalYear", "comparator", "value", "text", "baselineValue", "baselineFiscalYear", "source"] as const;
