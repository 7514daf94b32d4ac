"use client";
import { useState } from "react";
import { Check } from "@/components/activities/check-field";
import { CountGrid } from "@/components/activities/count-grid";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { MEETING_KIND_LABELS, SECTORS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { sectorField } from "@/lib/validation/field-names";
import { HostField, onFieldChange, RecordForm, useRecordForm, type ActivityFormAction, type EditedRecord } from "../../_components/record-form";

type Option = { value: string; label: string };

export type MeetingFormProps = {
  action: ActivityFormAction;
  mode: "create" | "edit";
  /** The values the fields start with (dates as 2024/06/10, "" for none, "on" for ticked). */
  defaults: Record<string, string>;
  hosts: Option[];
  regions: Option[];
  kyogiBodies: Option[];
  cancelHref: string;
  edit?: EditedRecord;
};

/**
 * Record or edit a meeting. Built for quick keyboard entry: today, my office and the kind used
 * last are preset, Enter saves from any field (Shift+Enter is a new line in the agenda), and the
 * attendance grid shows its total as numbers are typed. The schema runs here first and again on
 * the server.
 */
export function MeetingForm({ action, mode, defaults, hosts, regions, kyogiBodies, cancelHref, edit }: MeetingFormProps) {
  const { t, locale } = useI18n();
  const form = useRecordForm(action, () => import("@/lib/validation/activities").then((m) => (mode === "edit" ? m.MeetingUpdateSchema : m.MeetingCreateSchema)), defaults, "activities.meetings.fields");
  const { errors: e, v, label } = form;
  const [kind, setKind] = useState(v("kind"));
  const checked = (name: string) => v(name) === "on" || v(name) === "true";

  return (
    <RecordForm form={form} reloadHref={`/activities/meetings/${edit?.id}/edit`} edit={edit} onChange={onFieldChange({ kind: setKind })} saveAndNext={mode === "create"} cancelHref={cancelHref}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={label("kind")} name="kind" required options={codeOptions(MEETING_KIND_LABELS, locale)} defaultValue={v("kind")} error={e.kind} />
        <TextField label={label("date")} name="date" required hint={t("activities.common.dateHint")} defaultValue={v("date")} error={e.date} autoFocus={mode === "create"} />
        <div className="sm:col-span-2">
          <TextField label={label("title")} name="title" required textKind="title" defaultValue={v("title")} error={e.title} />
        </div>
        <HostField hosts={hosts} label={label("officeId")} value={v("officeId")} hint={t("activities.common.hostHint")} error={e.officeId} testId="meeting-host" />
        <SelectField
          label={label("regionId")}
          name="regionId"
          required={kind === "region_liaison"}
          options={regions}
          placeholder={t("activities.common.regionAuto")}
          hint={t("activities.meetings.fields.regionHint")}
          defaultValue={v("regionId")}
          error={e.regionId}
        />
        <div className="sm:col-span-2">
          <SelectField
            label={label("kyogiBodyId")}
            name="kyogiBodyId"
            required={kind === "kyogi"}
            options={kyogiBodies}
            placeholder={t("activities.meetings.fields.kyogiBodyNone")}
            hint={t("activities.meetings.fields.kyogiBodyHint")}
            defaultValue={v("kyogiBodyId")}
            error={e.kyogiBodyId}
          />
        </div>
        <TextField label={label("venue")} name="venue" textKind="place" defaultValue={v("venue")} error={e.venue} />
        {kind === "case_review" || kind === "outreach_case_review" ? (
          <TextField label={label("casesReviewed")} name="casesReviewed" inputMode="numeric" hint={t("activities.meetings.fields.casesReviewedHint")} defaultValue={v("casesReviewed")} error={e.casesReviewed} />
        ) : (
          // Sent empty, so the rule "only for case reviews" is never tripped by a hidden value.
          <input type="hidden" name="casesReviewed" value="" />
        )}
        <div className="sm:col-span-2">
          <TextAreaField label={label("agenda")} name="agenda" rows={3} textKind="note" defaultValue={v("agenda")} error={e.agenda} />
        </div>
        <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:gap-6">
          <Check name="targetsReviewed" label={label("targetsReviewed")} checked={checked("targetsReviewed")} />
          <Check name="advisorDispatched" label={label("advisorDispatched")} checked={checked("advisorDispatched")} />
        </div>
      </div>

      <CountGrid
        idPrefix="attendance"
        legend={label("attendance")}
        hint={t("activities.meetings.fields.attendanceHint")}
        cells={SECTORS.map((s) => ({ name: sectorField(s), label: label(sectorField(s)), defaultValue: v(sectorField(s)), error: e[sectorField(s)] }))}
      />
    </RecordForm>
  );
}
