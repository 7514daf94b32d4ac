"use client";
import { useEffect, useRef, useState } from "react";
import { enterSubmits } from "@/components/forms/enter-submits";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate } from "@/lib/domain/format";
import { copiedContactFields } from "@/lib/domain/outreach-rules";
import { OUTREACH_CONTACT_TYPE_LABELS, type OutreachContactType, type OutreachProfession } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import { OUTREACH_MULTI_FIELDS } from "@/lib/validation/field-names";
import { addOutreachContactAction } from "../actions";
import { ContactFields } from "./contact-fields";
import { CONTACT_DATE_FIELD_ID, LOG_CONTACT_ANCHOR } from "./anchors";


export type PreviousContact = {
  id: string;
  date: string;
  contactType: OutreachContactType;
  place: string | null;
  minutes: number | null;
  professions: OutreachProfession[];
  metPerson: boolean;
};

/**
 * Logging a contact has to take less than half a minute from the keyboard: today and 訪問 are
 * preset with the professions of the previous contact, "前回の内容をコピー" (right after the date)
 * fills type, place, minutes, professions and met-person from the latest contact and moves to
 * the summary, Enter saves from any field, and after saving the form is cleared with the cursor
 * back in the date field for the next one.
 */
export function ContactQuickAdd({ caseId, today, previous }: { caseId: string; today: string; previous: PreviousContact | null }) {
  const { t, locale } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [copied, setCopied] = useState(false);
  const { state, formAction, onSubmit, errors, message, messageRef, value, values } = useCheckedForm(addOutreachContactAction, () => import("@/lib/validation/outreach").then((m) => m.OutreachContactSchema), {
    multi: OUTREACH_MULTI_FIELDS,
    onSuccess: () => {
      formRef.current?.reset();
      setCopied(false);
      document.getElementById(CONTACT_DATE_FIELD_ID)?.focus();
    },
  });

  // Arriving from the list's "記録" link: straight into the date field.
  useEffect(() => {
    if (window.location.hash === `#${LOG_CONTACT_ANCHOR}`) document.getElementById(CONTACT_DATE_FIELD_ID)?.focus();
  }, []);

  /** Fill the fields in place (they are uncontrolled), so a later reset still goes back to the defaults. */
  function copyPrevious() {
    const form = formRef.current;
    if (!form || !previous) return;
    const field = <T extends Element>(name: string) => form.elements.namedItem(name) as T | null;
    const type = field<HTMLSelectElement>("contactType");
    if (type) type.value = previous.contactType;
    // Only what fits the copied contact's type (a phone call brings no professions or place).
    const fits = copiedContactFields(previous.contactType);
    const place = field<HTMLInputElement>("place");
    if (place) place.value = fits.place ? (previous.place ?? "") : "";
    const minutes = field<HTMLInputElement>("minutes");
    if (minutes) minutes.value = previous.minutes === null ? "" : String(previous.minutes);
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="professions"]')) box.checked = fits.professions && previous.professions.includes(box.value as OutreachProfession);
    const met = field<HTMLInputElement>("metPerson");
    if (met) met.checked = previous.metPerson;
    setCopied(true);
    document.getElementById("contact-summary")?.focus();
  }

  // The form opens as a 訪問 with the previous contact's professions, when that contact's type brings them.
  const professions = values("professions", previous && copiedContactFields(previous.contactType).professions ? previous.professions : []);
  const metChecked = value("metPerson") === "on";
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onKeyDown={enterSubmits} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600">{t("outreach.detail.contact.hint")}</p>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="outreachCaseId" value={caseId} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)]">
        <TextField
          id={CONTACT_DATE_FIELD_ID}
          label={t("outreach.detail.contact.date")}
          name="date"
          required
          autoComplete="off"
          hint={t("outreach.detail.status.dateHint")}
          defaultValue={value("date", dateInputValue(today))}
          error={errors.date}
        />
        <div className="space-y-1 self-end pb-1">
          <Button variant="secondary" onClick={copyPrevious} disabled={!previous} aria-describedby="contact-copy-hint">
            {t("outreach.detail.contact.copy")}
          </Button>
          <p id="contact-copy-hint" className="text-xs text-slate-600">
            {previous
              ? t(copiedContactFields(previous.contactType).professions ? "outreach.detail.contact.copyHint" : "outreach.detail.contact.copyHintAlone", {
                  date: formatDate(previous.date, locale),
                  type: OUTREACH_CONTACT_TYPE_LABELS[previous.contactType][locale],
                })
              : t("outreach.detail.contact.noPrevious")}
          </p>
        </div>
      </div>
      <ContactFields
        // Remount when a new latest contact changes the defaults.
        key={previous?.id ?? "none"}
        idPrefix="contact"
        defaults={{
          contactType: value("contactType", "home_visit"),
          minutes: value("minutes", ""),
          place: value("place", ""),
          professions,
          metPerson: metChecked,
          summary: value("summary", ""),
        }}
        errors={errors}
        professionsHint={t("outreach.detail.contact.professionsHint")}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="contact-restatement-reason" />}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("outreach.detail.contact.submit")}</SubmitButton>
        <p role="status" className="text-sm text-slate-700">
          {copied ? t("outreach.detail.contact.copied") : ""}
        </p>
      </div>
    </form>
  );
}
