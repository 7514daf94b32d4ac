"use client";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { codeOptions } from "@/lib/domain/codes";
import { OUTREACH_CONTACT_TYPE_LABELS, OUTREACH_PROFESSION_LABELS } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import { CheckboxField } from "../../_form/record-fields";

/** What a contact form shows in its fields, as the form holds it (strings, ticked codes). */
export type ContactFieldValues = {
  contactType?: string;
  minutes?: string;
  place?: string;
  professions: string[];
  metPerson: boolean;
  summary?: string;
};

/**
 * A contact's fields after its date: type, minutes, place, professions present, met the person,
 * summary. Shared by the quick entry and the correction dialog; `idPrefix` keeps the ids of two
 * forms on one page apart (the quick entry's ids are the page's anchors).
 */
export function ContactFields({
  idPrefix,
  defaults,
  errors,
  professionsHint,
}: {
  idPrefix: string;
  defaults: ContactFieldValues;
  errors: Record<string, string | undefined>;
  professionsHint?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,8rem)_minmax(0,1fr)]">
        <SelectField
          id={`${idPrefix}-type`}
          label={t("outreach.detail.contact.type")}
          name="contactType"
          required
          options={codeOptions(OUTREACH_CONTACT_TYPE_LABELS, locale)}
          defaultValue={defaults.contactType}
          error={errors.contactType}
        />
        <TextField id={`${idPrefix}-minutes`} label={t("outreach.detail.contact.minutes")} name="minutes" inputMode="numeric" autoComplete="off" defaultValue={defaults.minutes} error={errors.minutes} />
        <TextField id={`${idPrefix}-place`} label={t("outreach.detail.contact.place")} name="place" autoComplete="off" textKind="place" defaultValue={defaults.place} error={errors.place} />
      </div>
      <CheckboxGroup
        // Remount when the defaults change (a new latest contact, or values re-filled after an error).
        key={defaults.professions.join(",")}
        id={`${idPrefix}-professions`}
        legend={t("outreach.detail.contact.professions")}
        name="professions"
        hint={professionsHint}
        options={codeOptions(OUTREACH_PROFESSION_LABELS, locale)}
        defaultValues={defaults.professions}
        error={errors.professions}
      />
      <CheckboxField id={`${idPrefix}-met`} name="metPerson" label={t("outreach.detail.contact.metPerson")} defaultChecked={defaults.metPerson} error={errors.metPerson} />
      <TextAreaField id={`${idPrefix}-summary`} label={t("outreach.detail.contact.summary")} name="summary" rows={2} textKind="note" defaultValue={defaults.summary} error={errors.summary} />
    </>
  );
}
