"use client";
import { useState } from "react";
import { ConflictBanner } from "@/components/activities/conflict-banner";
import { CountGrid } from "@/components/activities/count-grid";
import { enterSubmits } from "@/components/forms/enter-submits";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { CheckboxGroup, FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PROFESSIONS, TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { professionField, TrainingCreateSchema, TrainingUpdateSchema } from "@/lib/validation/activities";
import type { ActivityFormState } from "../../_lib/form-state";

type Option = { value: string; label: string };

/**
 * Record or edit a training. The scope (県全域 / 圏域 / 保健所・支所圏域) is chosen on its own,
 * apart from who records it; a joint training lists its co-hosting offices.
 */
export function TrainingForm({
  action,
  mode,
  defaults,
  cohostDefaults,
  hosts,
  regions,
  cohostOffices,
  cancelHref,
  edit,
}: {
  action: (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  cohostDefaults: string[];
  hosts: Option[];
  regions: Option[];
  cohostOffices: Option[];
  cancelHref: string;
  edit?: { id: string; version: number; base: string };
}) {
  const { t, locale } = useI18n();
  const schema = mode === "edit" ? TrainingUpdateSchema : TrainingCreateSchema;
  const { state, formAction, onSubmit, errors: e, message, messageRef, value, values, hasBrowserErrors } = useCheckedForm(action, schema);
  const v = (name: string): string => value(name, defaults[name] ?? "") ?? "";
  const [scope, setScope] = useState(v("scope"));
  const label = (field: string) => t(`activities.trainings.fields.${field}` as MessageKey);
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={enterSubmits}
      onChange={(event) => {
        const target = event.target as unknown as HTMLSelectElement;
        if (target.name === "scope") setScope(target.value);
      }}
      className="max-w-4xl space-y-6"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? <ConflictBanner lines={conflictLines} reloadHref={`/activities/trainings/${edit?.id}/edit`} /> : message && <FormMessage tone="error">{message}</FormMessage>}
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
        <SelectField label={label("kind")} name="kind" required options={codeOptions(TRAINING_KIND_LABELS, locale)} defaultValue={v("kind")} error={e.kind} />
        <TextField label={label("date")} name="date" required hint={t("activities.common.dateHint")} defaultValue={v("date")} error={e.date} autoFocus={mode === "create"} />
        <div className="sm:col-span-2">
          <TextField label={label("title")} name="title" required maxLength={200} defaultValue={v("title")} error={e.title} />
        </div>
        {hosts.length === 1 ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">{label("officeId")}</p>
            <p className="text-sm text-slate-900">{hosts[0]!.label}</p>
            <input type="hidden" name="officeId" value={hosts[0]!.value} />
          </div>
        ) : (
          <SelectField label={label("officeId")} name="officeId" required options={hosts} defaultValue={v("officeId")} hint={t("activities.common.hostHint")} error={e.officeId} />
        )}
        <SelectField label={label("scope")} name="scope" required options={codeOptions(TRAINING_SCOPE_LABELS, locale)} defaultValue={v("scope")} hint={label("scopeHint")} error={e.scope} />
        <SelectField
          label={label("regionId")}
          name="regionId"
          required={scope === "region"}
          options={regions}
          placeholder={t("activities.common.regionAuto")}
          hint={label("regionHint")}
          defaultValue={v("regionId")}
          error={e.regionId}
        />
        <TextField label={label("sessions")} name="sessions" required inputMode="numeric" defaultValue={v("sessions")} error={e.sessions} />
        <div className="sm:col-span-2">
          <TextField label={label("venue")} name="venue" maxLength={200} defaultValue={v("venue")} error={e.venue} />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup legend={label("cohostIds")} name="cohostIds" hint={label("cohostHint")} options={cohostOffices} defaultValues={values("cohostIds", cohostDefaults)} error={e.cohostIds} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label={label("note")} name="note" rows={2} maxLength={2000} defaultValue={v("note")} error={e.note} />
        </div>
      </div>
      <CountGrid
        idPrefix="professions"
        legend={label("attendance")}
        hint={label("attendanceHint")}
        cells={PROFESSIONS.map((p) => ({ name: professionField(p), label: label(professionField(p)), defaultValue: v(professionField(p)), error: e[professionField(p)] }))}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("activities.common.save")}</SubmitButton>
        {mode === "create" && (
          <SubmitButton variant="secondary" name="next" value="new">
            {t("activities.common.saveAndNext")}
          </SubmitButton>
        )}
        <ButtonLink href={cancelHref} variant="ghost">
          {t("activities.common.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
