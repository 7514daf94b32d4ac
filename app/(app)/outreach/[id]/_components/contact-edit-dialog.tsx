"use client";
import { ConfirmDeleteForm } from "@/components/forms/confirm-delete-form";
import { enterSubmits } from "@/components/forms/enter-submits";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate } from "@/lib/domain/format";
import { OUTREACH_CONTACT_TYPE_LABELS } from "@/lib/domain/outreach-codes";
import type { OutreachContactRow } from "@/lib/dal/outreach";
import { useI18n } from "@/lib/i18n/client";
import { OUTREACH_MULTI_FIELDS, OutreachContactUpdateSchema, OutreachRecordDeleteSchema } from "@/lib/validation/outreach";
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
    <Dialog
      triggerLabel={t("outreach.detail.contact.edit.open")}
      triggerAriaLabel={t("outreach.detail.contact.edit.openAria", what)}
      triggerVariant="secondary"
      triggerSize="sm"
      title={t("outreach.detail.contact.edit.title")}
      description={t("outreach.detail.contact.edit.description", what)}
      lazy
    >
      {/* Lazy: each opening mounts the form afresh from the contact as the page now shows it. */}
      <ContactEditForm caseId={caseId} contact={contact} />
      <section aria-labelledby={`delete-${contact.id}`} className="mt-6 space-y-2 border-t border-slate-200 pt-4">
        <h3 id={`delete-${contact.id}`} className="text-sm font-semibold text-slate-900">
          {t("outreach.detail.contact.edit.deleteHeading")}
        </h3>
        <p className="text-sm text-slate-700">{t("outreach.detail.contact.edit.deleteBody")}</p>
        <ConfirmDeleteForm
          action={deleteOutreachContactAction}
          schema={OutreachRecordDeleteSchema}
          hidden={{ outreachCaseId: caseId, id: contact.id, version: contact.version }}
          confirmLabel={t("outreach.detail.contact.edit.deleteConfirm")}
          cancel={false}
        />
      </section>
    </Dialog>
  );
}

function ContactEditForm({ caseId, contact }: { caseId: string; contact: Contact }) {
  const { t } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, messageRef, value, values } = useCheckedForm(updateOutreachContactAction, OutreachContactUpdateSchema, {
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
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("outreach.detail.contact.edit.submit")}</SubmitButton>
      </div>
    </form>
  );
}
