"use client";
import { useState } from "react";
import { Check } from "@/components/activities/check-field";
import { ConflictBanner } from "@/components/activities/conflict-banner";
import { enterSubmits } from "@/components/forms/enter-submits";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { KYOGI_LEVEL_LABELS, type KyogiLevel } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { KyogiBodyCreateSchema, KyogiBodyUpdateSchema, PREFECTURE_HOST } from "@/lib/validation/activities";
import type { ActivityFormState } from "../../_lib/form-state";

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
  action: (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  hosts: (Option & { regionId?: string })[];
  regions: Option[];
  municipalities: (Option & { officeId: string })[];
  cancelHref: string;
  edit?: { id: string; version: number; base: string };
}) {
  const { t, locale } = useI18n();
  const schema = mode === "edit" ? KyogiBodyUpdateSchema : KyogiBodyCreateSchema;
  const { state, formAction, onSubmit, errors: e, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, schema);
  const v = (name: string): string => value(name, defaults[name] ?? "") ?? "";
  const [level, setLevel] = useState<KyogiLevel>((v("level") as KyogiLevel) || "region");
  const [host, setHost] = useState(v("officeId") || hosts[0]?.value || "");
  const label = (field: string) => t(`activities.kyogi.fields.${field}` as MessageKey);
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;
  const office = hosts.find((h) => h.value === host && h.value !== PREFECTURE_HOST);
  const regionOptions = office?.regionId ? regions.filter((r) => r.value === office.regionId) : regions;
  const muniOptions = office ? municipalities.filter((m) => m.officeId === office.value) : municipalities;
  // An office runs regional and municipal bodies; the prefecture's own level is the prefecture's.
  const levels = codeOptions(KYOGI_LEVEL_LABELS, locale).filter((l) => l.value !== "prefecture" || hosts.some((h) => h.value === PREFECTURE_HOST));

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={enterSubmits}
      onChange={(event) => {
        const target = event.target as unknown as HTMLSelectElement;
        if (target.name === "level") setLevel(target.value as KyogiLevel);
        if (target.name === "officeId") setHost(target.value);
      }}
      className="max-w-3xl space-y-6"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? <ConflictBanner lines={conflictLines} reloadHref={`/activities/kyogi/bodies/${edit?.id}/edit`} /> : message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <p className="text-sm text-slate-700">{t("activities.common.requiredNote")}</p>
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
          <input type="hidden" name="base" value={edit.base} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={label("level")} name="level" required options={levels} defaultValue={level} error={e.level} />
        {hosts.length === 1 ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">{label("officeId")}</p>
            <p className="text-sm text-slate-900">{hosts[0]!.label}</p>
            <input type="hidden" name="officeId" value={hosts[0]!.value} />
          </div>
        ) : (
          <SelectField label={label("officeId")} name="officeId" required options={hosts} defaultValue={host} error={e.officeId} />
        )}
        <div className="sm:col-span-2">
          <TextField label={label("name")} name="name" required maxLength={200} defaultValue={v("name")} error={e.name} autoFocus={mode === "create"} />
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
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("activities.common.save")}</SubmitButton>
        <ButtonLink href={cancelHref} variant="ghost">
          {t("activities.common.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
