"use client";
import { CorrectRecordDialog } from "@/components/forms/correct-record-dialog";
import { enterSubmits } from "@/components/forms/enter-submits";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import { DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ACTIVITY_TYPE_LABELS } from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { useI18n } from "@/lib/i18n/client";
import { deleteActivityAction, updateActivityAction } from "../actions";
import { ActivityFields } from "./activity-fields";

type Activity = { id: string; version: number; date: string; activityType: string; minutes: number | null; withPeer: boolean; summary: string | null };

/**
 * Correct an activity logged with a wrong date, type or text, or delete one logged by mistake
 * (ADR 0019). Both send the version the page showed: an activity changed meanwhile is refused.
 */
export function ActivityEditDialog({ caseId, activity }: { caseId: string; activity: Activity }) {
  const { t, locale } = useI18n();
  const label = ACTIVITY_TYPE_LABELS[activity.activityType as keyof typeof ACTIVITY_TYPE_LABELS];
  const what = { date: formatDate(activity.date, locale), type: label ? label[locale] : activity.activityType };
  return (
    <CorrectRecordDialog
      rowId={activity.id}
      texts={{
        open: t("caseDetail.activity.edit.open"),
        openAria: t("caseDetail.activity.edit.openAria", what),
        title: t("caseDetail.activity.edit.title"),
        description: t("caseDetail.activity.edit.description", what),
        deleteHeading: t("caseDetail.activity.edit.deleteHeading"),
        deleteBody: t("caseDetail.activity.edit.deleteBody"),
        deleteConfirm: t("caseDetail.activity.edit.deleteConfirm"),
        deleteName: t("ui.deleteStep.what", what),
      }}
      deletion={{ action: deleteActivityAction, schema: () => import("@/lib/validation/case-records").then((m) => m.ActivityDeleteSchema), hidden: { caseId, id: activity.id, version: activity.version } }}
    >
      <ActivityEditForm caseId={caseId} activity={activity} />
    </CorrectRecordDialog>
  );
}

function ActivityEditForm({ caseId, activity }: { caseId: string; activity: Activity }) {
  const { t } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, messageRef, value } = useCheckedForm(updateActivityAction, () => import("@/lib/validation/case-records").then((m) => m.ActivityUpdateSchema), { onSuccess: dialog.close });
  return (
    <form action={formAction} onSubmit={onSubmit} onKeyDown={enterSubmits} className="space-y-3" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="id" value={activity.id} />
      <input type="hidden" name="version" value={activity.version} />
      <ActivityFields
        idPrefix={`activity-edit-${activity.id}`}
        defaults={{
          date: value("date", dateInputValue(activity.date)),
          activityType: value("activityType", activity.activityType),
          minutes: value("minutes", activity.minutes === null ? "" : String(activity.minutes)),
          // After a refused save, what was sent (an unticked box is not sent at all).
          withPeer: state.values ? state.values.withPeer === "on" : activity.withPeer,
          summary: value("summary", activity.summary ?? ""),
        }}
        errors={errors}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id={`activity-edit-${activity.id}-restatement-reason`} />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("caseDetail.activity.edit.submit")}</SubmitButton>
      </div>
    </form>
  );
}
