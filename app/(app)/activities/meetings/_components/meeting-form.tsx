"use client";
import { useState } from "react";
import { ConflictBanner } from "@/components/activities/conflict-banner";
import { CountGrid } from "@/components/activities/count-grid";
import { enterSubmits } from "@/components/forms/enter-submits";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { Check } from "@/components/activities/check-field";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { MEETING_KIND_LABELS, SECTORS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { MeetingCreateSchema, MeetingUpdateSchema, sectorField } from "@/lib/validation/activities";
import type { ActivityFormState } from "../../_lib/form-state";

type Option = { value: string; label: string };

export type MeetingFormProps = {
  action: (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
  mode: "create" | "edit";
  /** The values the fields start with (dates as 2024/06/10, "" for none, "on" for ticked). */
  defaults: Record<string, string>;
  hosts: Option[];
  regions: Option[];
  kyogiBodies: Option[];
  cancelHref: string;
  edit?: { id: string; version: number; base: string };
};

/**
 * Record or edit a meeting. Built for quick keyboard entry: today, my office and the kind used
 * last are preset, Enter saves from any field (Shift+Enter is a new line in the agenda), and the
 * attendance grid shows its total as numbers are typed. The schema runs here first and again on
 * the server.
 */
export function MeetingForm({ action, mode, defaults, hosts, regions, kyogiBodies, cancelHref, edit }: MeetingFormProps) {
  const { t, locale } = useI18n();
  const schema = mode === "edit" ? MeetingUpdateSchema : MeetingCreateSchema;
  const { state, formAction, onSubmit, errors: e, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, schema);
  const v = (name: string): string => value(name, defaults[name] ?? "") ?? "";
  const [kind, setKind] = useState(v("kind"));
  const label = (field: string) => t(`activities.meetings.fields.${field}` as MessageKey);
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;
  const checked = (name: string) => v(name) === "on" || v(name) === "true";

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={enterSubmits}
      onChange={(event) => {
        const target = event.target as unknown as HTMLSelectElement;
        if (target.name === "kind") setKind(target.value);
      }}
      className="max-w-4xl space-y-6"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? <ConflictBanner lines={conflictLines} reloadHref={`/activities/meetings/${edit?.id}/edit`} /> : message && <FormMessage tone="error">{message}</FormMessage>}
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
        <SelectField label={label("kind")} name="kind" required options={codeOptions(MEETING_KIND_LABELS, locale)} defaultValue={v("kind")} error={e.kind} />
        <TextField label={label("date")} name="date" required hint={t("activities.common.dateHint")} defaultValue={v("date")} error={e.date} autoFocus={mode === "create"} />
        <div className="sm:col-span-2">
          <TextField label={label("title")} name="title" required maxLength={200} defaultValue={v("title")} error={e.title} />
        </div>
        {hosts.length === 1 ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">{label("officeId")}</p>
            <p className="text-sm text-slate-900" data-testid="meeting-host">
              {hosts[0]!.label}
            </p>
            <input type="hidden" name="officeId" value={hosts[0]!.value} />
          </div>
        ) : (
          <SelectField label={label("officeId")} name="officeId" required options={hosts} defaultValue={v("officeId")} hint={t("activities.common.hostHint")} error={e.officeId} />
        )}
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
        <TextField label={label("venue")} name="venue" maxLength={200} defaultValue={v("venue")} error={e.venue} />
        {kind === "case_review" || kind === "outreach_case_review" ? (
          <TextField label={label("casesReviewed")} name="casesReviewed" inputMode="numeric" hint={t("activities.meetings.fields.casesReviewedHint")} defaultValue={v("casesReviewed")} error={e.casesReviewed} />
        ) : (
          // Sent empty, so the rule "only for case reviews" is never tripped by a hidden value.
          <input type="hidden" name="casesReviewed" value="" />
        )}
        <div className="sm:col-span-2">
          <TextAreaField label={label("agenda")} name="agenda" rows={3} maxLength={2000} defaultValue={v("agenda")} error={e.agenda} />
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
