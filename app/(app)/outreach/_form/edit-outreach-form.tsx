"use client";
import { ConflictMessage } from "@/components/forms/conflict-message";
import { FormSection } from "@/components/forms/form-section";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { OUTREACH_END_REASON_LABELS, type OutreachEndReason } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { OUTREACH_MULTI_FIELDS } from "@/lib/validation/field-names";
import { OutreachRecordFields } from "./record-fields";
import type { EditOutreachState, Option } from "./types";

type Props = {
  action: (prev: EditOutreachState, formData: FormData) => Promise<EditOutreachState>;
  caseId: string;
  version: number;
  /** JSON of the values the form was loaded with, so a conflict can say what changed since. */
  base: string;
  /** The stored values as the fields show them (dates as 2024/04/01, "" for none). */
  defaults: Record<string, string | string[]>;
  staff: Option[];
  hasStart: boolean;
  hasEnd: boolean;
  endReasons: OutreachEndReason[];
};

const initialState: EditOutreachState = { ok: false };

/**
 * The outreach record's fields, loaded with the stored values. Start and end dates are shown
 * for correction only when set (a status change adds them); a save over a newer version is
 * refused with what someone else changed, and everything typed here stays.
 */
export function EditOutreachForm({ action, caseId, version, base, defaults, staff, hasStart, hasEnd, endReasons }: Props) {
  const { t, locale } = useI18n();
  const { state, formAction, onSubmit, errors: e, message, messageRef, value, values, hasBrowserErrors } = useCheckedForm(action, () => import("@/lib/validation/outreach").then((m) => m.OutreachUpdateSchema), {
    initial: initialState,
    multi: OUTREACH_MULTI_FIELDS,
  });
  const label = (name: string) => t(`outreach.form.fields.${name}` as MessageKey);
  const v = (name: string) => value(name, typeof defaults[name] === "string" ? (defaults[name] as string) : undefined);
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} className="max-w-4xl space-y-6" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? (
          <ConflictMessage title={t("outreach.form.conflict.title")} lines={conflictLines} reloadHref={`/outreach/${caseId}/edit`} reloadLabel={t("outreach.form.conflict.reload")} by={state.ok ? undefined : state.conflictBy} />
        ) : (
          message && <FormMessage tone="error">{message}</FormMessage>
        )}
      </div>
      <p className="text-sm text-slate-700">{t("outreach.form.requiredNote")}</p>
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="base" value={base} />

      <OutreachRecordFields
        value={value}
        values={values}
        defaults={defaults}
        errors={e}
        referralSlot={
          <div className="md:col-span-2">
            <SelectField
              label={label("coordinatorUserId")}
              name="coordinatorUserId"
              required
              options={staff}
              placeholder={t("outreach.form.choose")}
              defaultValue={v("coordinatorUserId")}
              error={e.coordinatorUserId}
            />
          </div>
        }
        datesSlot={
          hasStart ? (
            <TextField label={label("startDate")} name="startDate" required autoComplete="off" hint={t("outreach.form.hints.datesViaStatus")} defaultValue={v("startDate")} error={e.startDate} />
          ) : (
            <input type="hidden" name="startDate" value="" />
          )
        }
      />

      {hasEnd ? (
        <FormSection title={t("outreach.form.sections.closure")} note={t("outreach.form.hints.datesViaStatus")}>
          <TextField label={label("endDate")} name="endDate" required autoComplete="off" defaultValue={v("endDate")} error={e.endDate} />
          <SelectField
            label={label("endReason")}
            name="endReason"
            required
            options={endReasons.map((r) => ({ value: r, label: OUTREACH_END_REASON_LABELS[r][locale] }))}
            placeholder={t("outreach.form.choose")}
            defaultValue={v("endReason")}
            error={e.endReason}
          />
          <TextField label={label("gafEnd")} name="gafEnd" inputMode="numeric" autoComplete="off" hint={t("outreach.form.hints.gaf")} defaultValue={v("gafEnd")} error={e.gafEnd} />
        </FormSection>
      ) : (
        <>
          <input type="hidden" name="endDate" value="" />
          <input type="hidden" name="endReason" value="" />
          <input type="hidden" name="gafEnd" value={v("gafEnd") ?? ""} />
        </>
      )}

      {asksRestatementReason(state) && <RestatementReasonField state={state} id="outreach-restatement-reason" />}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("outreach.form.save")}</SubmitButton>
        <ButtonLink href={`/outreach/${caseId}`} variant="secondary">
          {t("outreach.form.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
