"use client";
import { useState, type FormEvent } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { codeOptions, type Label } from "@/lib/domain/codes";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { indicatorDefinition, INDICATORS } from "@/lib/domain/indicators/definitions";
import { COMPARATOR_LABELS, type Comparator } from "@/lib/domain/statistic-codes";
import { useI18n } from "@/lib/i18n/client";
import { InputForm, useInputForm, type EditedInput, type InputFormAction } from "../../_inputs/input-form";

type Place = { id: string; name: string };
export type PeriodChoice = { id: string; startFiscalYear: number; endFiscalYear: number; label: Label };

/**
 * A target: the indicator decides which scopes are offered (an external statistic is the
 * prefecture's only); a plan period stands for the year (its last); the comparator decides
 * whether a value, a wording or a baseline is asked for. The shared schema checks the rest.
 */
export function TargetForm({
  action,
  mode,
  defaults,
  regions,
  offices,
  periods,
  cancelHref,
  edit,
}: {
  action: InputFormAction;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  regions: Place[];
  offices: Place[];
  periods: PeriodChoice[];
  cancelHref: string;
  edit?: EditedInput;
}) {
  const { t, locale } = useI18n();
  const form = useInputForm(action, () => import("@/lib/validation/indicator-targets").then((m) => (mode === "edit" ? m.TargetUpdateSchema : m.TargetCreateSchema)), defaults, "indicatorInputs.targets.fields");
  const { errors: e, v, label } = form;
  const [indicator, setIndicator] = useState(v("indicatorCode"));
  const [period, setPeriod] = useState(v("planPeriodId"));
  const [comparator, setComparator] = useState<Comparator>((v("comparator") as Comparator) || "gte");
  const scopes = indicatorDefinition(indicator)?.scopes ?? ["prefecture"];
  const scopeOptions = [
    { value: "prefecture", label: t("indicatorInputs.targets.scopePrefecture") },
    ...(scopes.includes("region") ? regions.map((r) => ({ value: `region:${r.id}`, label: r.name })) : []),
    ...(scopes.includes("office") ? offices.map((o) => ({ value: `office:${o.id}`, label: o.name })) : []),
  ];
  const scopeDefault = scopeOptions.some((o) => o.value === v("scope")) ? v("scope") : "prefecture";
  const chosenPeriod = periods.find((p) => p.id === period);

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLSelectElement;
    if (target.name === "indicatorCode") setIndicator(target.value);
    else if (target.name === "planPeriodId") setPeriod(target.value);
    else if (target.name === "comparator") setComparator(target.value as Comparator);
  }

  return (
    <InputForm form={form} reloadHref={`/indicators/targets/${edit?.id}/edit`} edit={edit} onChange={onChange} cancelHref={cancelHref}>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <SelectField
            label={label("indicatorCode")}
            name="indicatorCode"
            required
            placeholder={t("indicatorInputs.common.choose")}
            options={INDICATORS.map((d) => ({ value: d.code, label: `${d.code}　${d.name[locale]}` }))}
            defaultValue={indicator}
            error={e.indicatorCode}
          />
        </div>
        {/* Remounted per indicator: its scopes are the only ones offered. */}
        <SelectField key={`scope-${indicator}`} label={label("scope")} name="scope" required options={scopeOptions} defaultValue={scopeDefault} error={e.scope} />
        <SelectField
          label={label("planPeriodId")}
          name="planPeriodId"
          placeholder={label("planPeriodNone")}
          options={periods.map((p) => ({ value: p.id, label: `${p.label[locale]}（${fiscalYearShortLabel(p.startFiscalYear, locale)}–${fiscalYearShortLabel(p.endFiscalYear, locale)}）` }))}
          defaultValue={period}
          hint={label("planPeriodHint")}
          error={e.planPeriodId}
        />
        {chosenPeriod ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">{label("fiscalYear")}</p>
            <p className="text-sm text-slate-900" data-testid="target-period-year">
              {t("indicatorInputs.targets.periodEnd", { period: chosenPeriod.label[locale], fy: fiscalYearShortLabel(chosenPeriod.endFiscalYear, locale) })}
            </p>
          </div>
        ) : (
          <TextField label={label("fiscalYear")} name="fiscalYear" required inputMode="numeric" maxLength={4} hint={label("fiscalYearHint")} defaultValue={v("fiscalYear")} error={e.fiscalYear} />
        )}
        <SelectField label={label("comparator")} name="comparator" required options={codeOptions(COMPARATOR_LABELS, locale)} defaultValue={comparator} error={e.comparator} />
        {comparator !== "qualitative" && <TextField label={label("value")} name="value" required={comparator === "gte" || comparator === "lte" || comparator === "eq"} inputMode="decimal" hint={label("valueHint")} defaultValue={v("value")} error={e.value} />}
        <div className="sm:col-span-2">
          <TextField label={label("text")} name="text" required={comparator === "qualitative"} textKind="note" hint={label("textHint")} defaultValue={v("text")} error={e.text} />
        </div>
        <TextField label={label("baselineValue")} name="baselineValue" required={comparator === "increase" || comparator === "decrease"} inputMode="decimal" hint={label("baselineHint")} defaultValue={v("baselineValue")} error={e.baselineValue} />
        <TextField label={label("baselineFiscalYear")} name="baselineFiscalYear" required={comparator === "increase" || comparator === "decrease"} inputMode="numeric" maxLength={4} defaultValue={v("baselineFiscalYear")} error={e.baselineFiscalYear} />
        <div className="sm:col-span-2">
          <TextField label={label("source")} name="source" textKind="title" hint={label("sourceHint")} defaultValue={v("source")} error={e.source} />
        </div>
      </div>
    </InputForm>
  );
}
