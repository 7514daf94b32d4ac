"use client";
import { useState, type FormEvent } from "react";
import { useLiveFigure } from "@/components/activities/use-live-figure";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { codeOptions } from "@/lib/domain/codes";
import { METRIC_UNIT_LABELS, metricsOfTopic, STATISTIC_METHOD_LABELS, STATISTIC_METRICS, STATISTIC_TOPIC_LABELS, type StatisticMetric, type StatisticTopic } from "@/lib/domain/statistic-codes";
import { isCohortTopic, OPTIONAL_METRICS } from "@/lib/domain/statistic-rules";
import { useI18n } from "@/lib/i18n/client";
import { readMetricValue } from "@/lib/validation/statistic-values";
import { InputForm, useInputForm, type EditedInput, type InputFormAction } from "../../_inputs/input-form";
import { DEFAULT_METHOD, DEFAULT_SOURCE } from "./defaults";

type Sums = { buckets: number | null; total: number | null; ageSplit: number | null; ge1y: number | null };

/** The 630 sums as the fields show them now (null where a term is empty or not a number). */
function sumsOf(read: (m: StatisticMetric) => string): Sums {
  const n = (m: StatisticMetric) => {
    const v = readMetricValue(m, read(m));
    return typeof v === "number" ? v : null;
  };
  const add = (...xs: (number | null)[]) => (xs.every((x) => x !== null) ? xs.reduce<number>((s, x) => s + x!, 0) : null);
  return {
    buckets: add(n("inpatients_lt3m"), n("inpatients_3to12m"), n("inpatients_ge1y")),
    total: n("inpatients_total"),
    ageSplit: add(n("inpatients_ge1y_u65"), n("inpatients_ge1y_65plus")),
    ge1y: n("inpatients_ge1y"),
  };
}

/**
 * One external-statistic set: the topic decides the reference (a date, or a cohort's fiscal
 * year) and the value fields; a 630 set shows its two sums live while they are typed, the same
 * sums the shared schema checks before sending. On an edit the topic is fixed.
 */
export function StatisticForm({ action, mode, defaults, cancelHref, edit }: { action: InputFormAction; mode: "create" | "edit"; defaults: Record<string, string>; cancelHref: string; edit?: EditedInput }) {
  const { t, locale } = useI18n();
  const form = useInputForm(action, () => import("@/lib/validation/statistics").then((m) => (mode === "edit" ? m.StatisticUpdateSchema : m.StatisticCreateSchema)), defaults, "indicatorInputs.statistics.fields");
  const { errors: e, v, label } = form;
  const [topic, setTopic] = useState<StatisticTopic>((v("topic") as StatisticTopic) || "inpatients_630");
  // The sums follow the fields as typed, and are derived again from the re-filled values after each answer.
  const [sums, setSums] = useLiveFigure<Sums>(form.state, sumsOf(v));
  const cohort = isCohortTopic(topic);
  // The method and source show what was typed (after a failed save) or stored; otherwise a new
  // set's follow its topic, and change with it.
  const [initialTopic] = useState(topic);
  const method = form.value("method", topic === initialTopic ? defaults.method : undefined) || DEFAULT_METHOD[topic];
  const source = form.value("sourceLabel", topic === initialTopic ? defaults.sourceLabel : undefined) || (DEFAULT_SOURCE[topic] ?? "");

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === "topic") setTopic(target.value as StatisticTopic);
    const data = new FormData(event.currentTarget);
    setSums(sumsOf((m) => String(data.get(m) ?? "")));
  }

  const unit = (m: StatisticMetric) => METRIC_UNIT_LABELS[STATISTIC_METRICS[m].unit][locale];
  return (
    <InputForm form={form} reloadHref={`/indicators/statistics/${edit?.id}/edit`} edit={edit} onChange={onChange} cancelHref={cancelHref}>
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "edit" ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">{label("topic")}</p>
            <p className="text-sm text-slate-900" data-testid="statistic-topic">
              {STATISTIC_TOPIC_LABELS[topic][locale]}
            </p>
            <p className="text-sm text-slate-600">{t("indicatorInputs.statistics.topicFixed")}</p>
            <input type="hidden" name="topic" value={topic} />
          </div>
        ) : (
          <SelectField label={label("topic")} name="topic" required options={codeOptions(STATISTIC_TOPIC_LABELS, locale)} defaultValue={topic} error={e.topic} />
        )}
        {cohort ? (
          <TextField key="cohortYear" label={label("cohortYear")} name="cohortYear" required inputMode="numeric" maxLength={4} hint={label("cohortYearHint")} defaultValue={v("cohortYear")} error={e.cohortYear} />
        ) : (
          <TextField key="asOf" label={label("asOf")} name="asOf" required hint={label("asOfHint")} defaultValue={v("asOf")} error={e.asOf} />
        )}
        {/* Remounted per topic, so a new topic's default method and source are filled in. */}
        <SelectField key={`method-${topic}`} label={label("method")} name="method" required options={codeOptions(STATISTIC_METHOD_LABELS, locale)} defaultValue={method} hint={label("methodHint")} error={e.method} />
        <TextField key={`source-${topic}`} label={label("sourceLabel")} name="sourceLabel" required textKind="title" hint={label("sourceLabelHint")} defaultValue={source} error={e.sourceLabel} />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">{label("values")}</legend>
        <p className="text-sm text-slate-700">{label("valuesLead")}</p>
        {/* Remounted per topic: each topic has its own value fields. */}
        <div key={topic} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {metricsOfTopic(topic).map((m) => (
            <TextField
              key={m}
              label={`${STATISTIC_METRICS[m][locale]}（${unit(m)}）`}
              name={m}
              required={!OPTIONAL_METRICS.has(m)}
              inputMode={STATISTIC_METRICS[m].integer ? "numeric" : "decimal"}
              hint={OPTIONAL_METRICS.has(m) ? label("optional") : undefined}
              defaultValue={v(m)}
              error={e[m]}
            />
          ))}
        </div>
        {topic === "inpatients_630" && (
          <ul className="space-y-0.5 text-sm text-slate-700" aria-live="polite" data-testid="statistic-sums">
            {sums.buckets !== null && sums.total !== null && <li>{t("indicatorInputs.statistics.live.buckets", { sum: sums.buckets.toLocaleString("ja-JP"), total: sums.total.toLocaleString("ja-JP") })}</li>}
            {sums.ageSplit !== null && sums.ge1y !== null && <li>{t("indicatorInputs.statistics.live.ageSplit", { sum: sums.ageSplit.toLocaleString("ja-JP"), total: sums.ge1y.toLocaleString("ja-JP") })}</li>}
          </ul>
        )}
      </fieldset>

      <TextAreaField label={label("note")} name="note" rows={2} textKind="note" defaultValue={v("note")} error={e.note} />
    </InputForm>
  );
}
