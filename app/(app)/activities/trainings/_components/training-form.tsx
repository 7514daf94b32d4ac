"use client";
import { useState } from "react";
import { CountGrid } from "@/components/activities/count-grid";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { PROFESSIONS, TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { professionField } from "@/lib/validation/field-names";
import { HostField, onFieldChange, RecordForm, useRecordForm, type ActivityFormAction, type EditedRecord } from "../../_components/record-form";

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
  action: ActivityFormAction;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  cohostDefaults: string[];
  hosts: Option[];
  regions: Option[];
  cohostOffices: Option[];
  cancelHref: string;
  edit?: EditedRecord;
}) {
  const { t, locale } = useI18n();
  const form = useRecordForm(action, () => import("@/lib/validation/activities").then((m) => (mode === "edit" ? m.TrainingUpdateSchema : m.TrainingCreateSchema)), defaults, "activities.trainings.fields");
  const { errors: e, v, values, label } = form;
  const [scope, setScope] = useState(v("scope"));

  return (
    <RecordForm form={form} reloadHref={`/activities/trainings/${edit?.id}/edit`} edit={edit} onChange={onFieldChange({ scope: setScope })} saveAndNext={mode === "create"} cancelHref={cancelHref}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={label("kind")} name="kind" required options={codeOptions(TRAINING_KIND_LABELS, locale)} defaultValue={v("kind")} error={e.kind} />
        <TextField label={label("date")} name="date" required hint={t("activities.common.dateHint")} defaultValue={v("date")} error={e.date} autoFocus={mode === "create"} />
        <div className="sm:col-span-2">
          <TextField label={label("title")} name="title" required textKind="title" defaultValue={v("title")} error={e.title} />
        </div>
        <HostField hosts={hosts} label={label("officeId")} value={v("officeId")} hint={t("activities.common.hostHint")} error={e.officeId} />
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
          <TextField label={label("venue")} name="venue" textKind="place" defaultValue={v("venue")} error={e.venue} />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup legend={label("cohostIds")} name="cohostIds" hint={label("cohostHint")} options={cohostOffices} defaultValues={values("cohostIds", cohostDefaults)} error={e.cohostIds} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label={label("note")} name="note" rows={2} textKind="note" defaultValue={v("note")} error={e.note} />
        </div>
      </div>
      <CountGrid
        idPrefix="professions"
        legend={label("attendance")}
        hint={label("attendanceHint")}
        cells={PROFESSIONS.map((p) => ({ name: professionField(p), label: label(professionField(p)), defaultValue: v(professionField(p)), error: e[professionField(p)] }))}
      />
    </RecordForm>
  );
}
