"use client";
import { CorrectRecordDialog } from "@/components/forms/correct-record-dialog";
import { enterSubmits } from "@/components/forms/enter-submits";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import { DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate } from "@/lib/domain/format";
import { OUTREACH_CONTACT_TYPE_LABELS } from "@/lib/domain/outreach-codes";
import type { OutreachContactRow } from "@/lib/dal/outreach";
import { useI18n } from "@/lib/i18n/client";
import { OUTREACH_MULTI_FIELDS } from "@/lib/validation/field-names";
import { deleteOutreachContactAction, updateOutreachContactAction } from "../actions";
import { ContactFields } from "./contact-fields";

type Contact = Omit<OutreachContactRow, "recordedBy">;

/**
 * Correct a contact logged with a wrong date, type or text, or delete one logged by mistake.
 * Both send the version the page showed: a contact someone else changed meanwhile is refused.
 */
export function ContactEditDialog({ caseId, contact }: { caseId: string; contact: Contact }) {
  const { t, locale } = useI18n();
  const what = { date: formatDate(contact.date, locale), type: OUTREACH_CONTACT_TYPE_LABELS[contact.contactType][locale] };
  return (
    <CorrectRecordDialog
      rowId={contact.id}
      texts={{
        open: t("outreach.detail.contact.edit.open"),
        openAria: t("outreach.detail.contact.edit.openAria", what),
        title: t("outreach.detail.contact.edit.title"),
        description: t("outreach.detail.contact.edit.description", what),
        deleteHeading: t("outreach.detail.contact.edit.deleteHeading"),
        deleteBody: t("outreach.detail.contact.edit.deleteBody"),
        deleteConfirm: t("outreach.detail.contact.edit.deleteConfirm"),
        deleteName: t("ui.deleteStep.what", what),
      }}
      deletion={{ action: deleteOutreachContactAction, schema: () => import("@/lib/validation/outreach").then((m) => m.OutreachRecordDeleteSchema), hidden: { outreachCaseId: caseId, id: contact.id, version: contact.version } }}
    >
      <ContactEditForm caseId={caseId} contact={contact} />
    </CorrectRecordDialog>
  );
}

function ContactEditForm({ caseId, contact }: { caseId: string; contact: Contact }) {
  const { t } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, messageRef, value, values } = useCheckedForm(updateOutreachContactAction, () => import("@/lib/validation/outreach").then((m) => m.OutreachContactUpdateSchema), {
    multi: OUTREACH_MULTI_FIELDS,
    onSuccess: dialog.close,
  });
  const prefix = `contact-edit-${contact.id}`;
  return (
    <form action={formAction} onSubmit={onSubmit} onKeyDown={enterSubmits} className="space-y-3" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="outreachCaseId" value={caseId} />
      <input type="hidden" name="id" value={contact.id} />
      <input type="hidden" name="version" value={contact.version} />
      <TextField
        id={`${prefix}-date`}
        label={t("outreach.detail.contact.date")}
        name="date"
        required
        autoComplete="off"
        hint={t("outreach.detail.status.dateHint")}
        defaultValue={value("date", dateInputValue(contact.date))}
        error={errors.date}
      />
      <ContactFields
        idPrefix={prefix}
        defaults={{
          contactType: value("contactType", contact.contactType),
          minutes: value("minutes", contact.minutes === null ? "" : String(contact.minutes)),
          place: value("place", contact.place ?? ""),
          professions: values("professions", contact.professions),
          // After a refused save, what was sent (an unticked box is not sent at all).
          metPerson: state.values ? state.values.metPerson === "on" : contact.metPerson,
          summary: value("summary", contact.summary ?? ""),
        }}
        errors={errors}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id={`${prefix}-restatement-reason`} />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("outreach.detail.contact.edit.submit")}</SubmitButton>
      </div>
    </form>
  );
}
