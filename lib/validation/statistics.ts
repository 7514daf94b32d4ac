import { z } from "zod";
import { STATISTIC_METHODS, STATISTIC_METRIC_KEYS, STATISTIC_TOPICS, metricsOfTopic, type StatisticMetric, type StatisticTopic } from "@/lib/domain/statistic-codes";
import { ageSplitHalfMissing, inpatientSumIssues, isCohortTopic, OPTIONAL_METRICS, type StatisticValueMap } from "@/lib/domain/statistic-rules";
import { optionalDate } from "./dates";
import { optionalText, restatementReason, text } from "./fields";
import { messageWithVars } from "./message-vars";
import { normalizeNumber, readMetricValue } from "./statistic-values";

/*
 * One external-statistic set (外部統計): a topic, its reference date or cohort year, how and by
 * whom it was produced, and the topic's values, shared by the browser (checked before sending)
 * and the server action (checked again). Each value field is named by its metric key
 * (`inpatients_total`), so every message lands under its own field; messages are catalog keys
 * of the indicatorInputs section, the sums with their figures (message-vars.ts).
 */

const V = "indicatorInputs.validation.statistics";

/** Cross-field rules run even while a field is invalid, so every problem shows at once. */
const ALWAYS = { when: () => true };

/** A missing field (a cohort topic's form has no date field) reads as empty. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

// Reading one value (and its messages) lives in a zod-free module the statistic form uses on its first load (ADR 0053).
export { readMetricValue } from "./statistic-values";

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

/** Thousands separators as the sheet prints them (both catalogs write 2,154). */
const figure = (n: number) => n.toLocaleString("ja-JP");

const metricFields = Object.fromEntries(STATISTIC_METRIC_KEYS.map((m) => [m, z.string().optional()])) as Record<StatisticMetric, z.ZodOptional<z.ZodString>>;

const currentYearCap = 2099;

const statisticFields = {
  topic: z.enum(STATISTIC_TOPICS, `${V}.topicRequired`),
  /** 基準日 of a dated topic (R4年4月1日, 2021/6/30 …). */
  asOf: blank(optionalDate()),
  /** The admission cohort's fiscal year of a cohort topic (2018 = 平成30年度). */
  cohortYear: blank(
    z.string().transform((raw, ctx): number | null => {
      const text = normalizeNumber(raw);
      if (text === "") return null;
      const n = Number(text);
      if (!/^\d{4}$/.test(text) || n < 2000 || n > currentYearCap) {
        ctx.addIssue({ code: "custom", message: `${V}.cohortYearFormat` });
        return z.NEVER;
      }
      return n;
    }),
  ),
  method: z.enum(STATISTIC_METHODS, `${V}.methodRequired`),
  sourceLabel: text("title").min(1, `${V}.sourceRequired`),
  note: blank(optionalText("note")),
  /** 訂正の理由, when the set belongs to a locked fiscal year (ADR 0025); the server decides. */
  restatementReason,
  ...metricFields,
};

type StatisticShape = { topic?: StatisticTopic; asOf?: string | null; cohortYear?: number | null } & Partial<Record<StatisticMetric, string | undefined>>;

/** The topic's values as numbers; null for empty or invalid (invalid ones have their own message). */
function valuesOf(v: StatisticShape, topic: StatisticTopic): StatisticValueMap {
  return Object.fromEntries(
    metricsOfTopic(topic).map((m) => {
      const read = readMetricValue(m, v[m]);
      return [m, isError(read) ? null : read];
    }),
  );
}

function checkStatistic(v: StatisticShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const topic = v.topic;
  if (!topic) return;
  if (isCohortTopic(topic)) {
    if (v.cohortYear === null) issue("cohortYear", `${V}.cohortYearRequired`);
  } else if (v.asOf === null) {
    issue("asOf", `${V}.asOfRequired`);
  } else if (typeof v.asOf === "string" && (v.asOf < "2000-01-01" || v.asOf > `${currentYearCap}-12-31`)) {
    issue("asOf", `${V}.asOfOutOfRange`);
  }
  for (const m of metricsOfTopic(topic)) {
    const read = readMetricValue(m, v[m]);
    if (isError(read)) issue(m, read.error);
    else if (read === null && !OPTIONAL_METRICS.has(m)) issue(m, `${V}.valueRequired`);
  }
  if (topic !== "inpatients_630") return;
  const values = valuesOf(v, topic);
  const half = ageSplitHalfMissing(values);
  if (half) issue(half, `${V}.ageSplitBoth`);
  for (const sum of inpatientSumIssues(values)) {
    const key = sum.kind === "buckets" ? (`${V}.bucketsSum` as const) : (`${V}.ageSplitSum` as const);
    issue(sum.field, messageWithVars(key, { terms: sum.terms.map(figure).join(" + "), sum: figure(sum.sum), entered: figure(sum.entered) }));
  }
}

/** Only the topic's values are kept (a form may carry others); an empty optional value is left out. */
function toInput<T extends StatisticShape & { topic: StatisticTopic; method: string; sourceLabel: string; note: string | null }>(v: T) {
  const cohort = isCohortTopic(v.topic);
  const values: Partial<Record<StatisticMetric, number>> = {};
  for (const [m, n] of Object.entries(valuesOf(v, v.topic)) as [StatisticMetric, number | null][]) if (n !== null) values[m] = n;
  const rest = Object.fromEntries(Object.entries(v).filter(([key]) => !(STATISTIC_METRIC_KEYS as readonly string[]).includes(key)));
  return {
    ...(rest as Omit<T, StatisticMetric>),
    asOf: cohort ? null : (v.asOf ?? null),
    cohortYear: cohort ? (v.cohortYear ?? null) : null,
    values,
  };
}

export const StatisticCreateSchema = z.object(statisticFields).superRefine(checkStatistic, ALWAYS).transform(toInput);
export type StatisticInput = z.infer<typeof StatisticCreateSchema>;

const version = z.coerce.number().int().min(1);

export const StatisticUpdateSchema = z
  .object({ id: z.string().min(1), version, base: z.string().optional().default(""), ...statisticFields })
  .superRefine(checkStatistic, ALWAYS)
  .transform(toInput);
export type StatisticUpdateInput = z.infer<typeof StatisticUpdateSchema>;

/** The fields a conflict report compares: the set's own and each of its values. */
export const STATISTIC_FIELDS = ["topic", "asOf", "cohortYear", "method", "sourceLabel", "note", ...STATISTIC_METRIC_KEYS] as const;
