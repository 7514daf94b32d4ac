"use client";
import { useState } from "react";
import { Check } from "@/components/activities/check-field";
import { SelectField, TextField } from "@/components/ui/field";
import { KYOGI_LEVEL_LABELS, type KyogiLevel } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { PREFECTURE_HOST } from "@/lib/validation/field-names";
import { HostField, onFieldChange, RecordForm, useRecordForm, type ActivityFormAction, type EditedRecord } from "../../_components/record-form";

type Option = { value: string; label: string };

/**
 * Register or edit a 協議の場. The level decides the place asked for (a region or a
 * municipality); an office offers its own region and the municipalities it covers.
 */
export function KyogiBodyForm({
  action,
  mode,
  defaults,
  hosts,
  regions,
  municipalities,
  cancelHref,
  edit,
}: {
  action: ActivityFormAction;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  hosts: (Option & { regionId?: string })[];
  regions: Option[];
  municipalities: (Option & { officeId: string })[];
  cancelHref: string;
  edit?: EditedRecord;
}) {
  const { t, locale } = useI18n();
  const form = useRecordForm(action, () => import("@/lib/validation/activities").then((m) => (mode === "edit" ? m.KyogiBodyUpdateSchema : m.KyogiBodyCreateSchema)), defaults, "activities.kyogi.fields");
  const { errors: e, v, label } = form;
  const [level, setLevel] = useState<KyogiLevel>((v("level") as KyogiLevel) || "region");
  const [host, setHost] = useState(v("officeId") || hosts[0]?.value || "");
  const office = hosts.find((h) => h.value === host && h.value !== PREFECTURE_HOST);
  const regionOptions = office?.regionId ? regions.filter((r) => r.value === office.regionId) : regions;
  const muniOptions = office ? municipalities.filter((m) => m.officeId === office.value) : municipalities;
  // An office runs regional and municipal bodies; the prefecture's own level is the prefecture's.
  const levels = codeOptions(KYOGI_LEVEL_LABELS, locale).filter((l) => l.value !== "prefecture" || hosts.some((h) => h.value === PREFECTURE_HOST));

  return (
    <RecordForm
      form={form}
      reloadHref={`/activities/kyogi/bodies/${edit?.id}/edit`}
      edit={edit}
      onChange={onFieldChange({ level: (l) => setLevel(l as KyogiLevel), officeId: setHost })}
      saveAndNext={false}
      cancelHref={cancelHref}
      className="max-w-3xl"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={label("level")} name="level" required options={levels} defaultValue={level} error={e.level} />
        <HostField hosts={hosts} label={label("officeId")} value={host} error={e.officeId} />
        <div className="sm:col-span-2">
          <TextField label={label("name")} name="name" required textKind="title" defaultValue={v("name")} error={e.name} autoFocus={mode === "create"} />
        </div>
        {level === "region" && <SelectField key={`region-${host}`} label={label("regionId")} name="regionId" required options={regionOptions} placeholder={t("activities.common.choose")} defaultValue={v("regionId") || (regionOptions.length === 1 ? regionOptions[0]!.value : "")} error={e.regionId} />}
        {level === "municipality" && (
          <SelectField key={`muni-${host}`} label={label("municipalityCode")} name="municipalityCode" required options={muniOptions} placeholder={t("activities.common.choose")} defaultValue={v("municipalityCode")} error={e.municipalityCode} />
        )}
        <TextField label={label("establishedOn")} name="establishedOn" hint={t("activities.common.dateHint")} defaultValue={v("establishedOn")} error={e.establishedOn} />
        <div className="space-y-1 sm:col-span-2">
          <Check name="active" label={label("active")} checked={v("active") === "on"} />
          <p className="text-sm text-slate-600">{label("activeHint")}</p>
        </div>
        <TextField label={label("endedOn")} name="endedOn" hint={label("endedOnHint")} defaultValue={v("endedOn")} error={e.endedOn} />
      </div>
    </RecordForm>
  );
}
