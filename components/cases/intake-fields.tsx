"use client";
import { useState, type FormEvent } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { SEX_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";

/*
 * The fields a new referral starts with, the same for a discharge-support case and an outreach
 * case: the person (a new entry of a person is one and the same record, so the same fields and
 * rules) and the office. Labels and hints come from the form's own catalog section (`messages`),
 * which has the same keys in both.
 */

type Option = { value: string; label: string };
type Messages = "caseForm" | "outreach.form";
type PersonField = "familyName" | "givenName" | "familyNameKana" | "givenNameKana" | "dateOfBirth" | "birthYearMonth" | "sex" | "municipalityCode" | "phone" | "address";

/** The person's identity and whereabouts. Names are the person fields of CaseCreateSchema / OutreachCreateSchema. */
export function PersonFields({
  messages,
  text,
  errors: e,
  municipalities,
}: {
  messages: Messages;
  /** A field's value after a failed submit. */
  text: (name: string) => string | undefined;
  errors: Record<string, string>;
  municipalities: Option[];
}) {
  const { t, locale } = useI18n();
  const label = (name: PersonField) => t(`${messages}.fields.${name}`);
  return (
    <>
      <TextField label={label("familyName")} name="familyName" required autoComplete="off" defaultValue={text("familyName")} error={e.familyName} />
      <TextField label={label("givenName")} name="givenName" required autoComplete="off" defaultValue={text("givenName")} error={e.givenName} />
      <TextField label={label("familyNameKana")} name="familyNameKana" required autoComplete="off" hint={t(`${messages}.hints.kana`)} defaultValue={text("familyNameKana")} error={e.familyNameKana} />
      <TextField label={label("givenNameKana")} name="givenNameKana" required autoComplete="off" hint={t(`${messages}.hints.kana`)} defaultValue={text("givenNameKana")} error={e.givenNameKana} />
      {/* A date typed as text: people write 令和 and R6.4.1, so no date picker. */}
      <TextField label={label("dateOfBirth")} name="dateOfBirth" autoComplete="off" hint={t(`${messages}.hints.dateOfBirth`)} defaultValue={text("dateOfBirth")} error={e.dateOfBirth} />
      <TextField label={label("birthYearMonth")} name="birthYearMonth" autoComplete="off" hint={t(`${messages}.hints.birthYearMonth`)} defaultValue={text("birthYearMonth")} error={e.birthYearMonth} />
      <SelectField label={label("sex")} name="sex" required options={codeOptions(SEX_LABELS, locale)} placeholder={t(`${messages}.choose`)} defaultValue={text("sex")} error={e.sex} />
      <SelectField
        label={label("municipalityCode")}
        name="municipalityCode"
        hint={t(`${messages}.hints.municipality`)}
        options={municipalities}
        placeholder={t(`${messages}.notRecorded`)}
        defaultValue={text("municipalityCode")}
        error={e.municipalityCode}
      />
      <TextField label={label("phone")} name="phone" type="tel" autoComplete="off" defaultValue={text("phone")} error={e.phone} />
      <TextField label={label("address")} name="address" textKind="place" autoComplete="off" defaultValue={text("address")} error={e.address} />
    </>
  );
}

/** The office a new referral belongs to: a choice when the actor reaches several, else stated (and sent hidden). */
export function OfficeField({
  messages,
  offices,
  officeId,
  defaultValue,
  error,
}: {
  messages: Messages;
  offices: Option[];
  /** The live choice. */
  officeId: string;
  /** The select's default (not the live choice: the select keys itself on it and would remount, losing focus). */
  defaultValue: string | undefined;
  error?: string;
}) {
  const { t } = useI18n();
  return offices.length > 1 ? (
    <SelectField label={t(`${messages}.fields.officeId`)} name="officeId" required hint={t(`${messages}.hints.office`)} options={offices} defaultValue={defaultValue} error={error} />
  ) : (
    <div className="md:col-span-2">
      <input type="hidden" name="officeId" value={officeId} />
      <p className="text-sm text-slate-800">{t(`${messages}.officeFixed`, { office: offices[0]?.label ?? "" })}</p>
      {error && <p className="text-sm font-medium text-red-700">{error}</p>}
    </div>
  );
}

/**
 * The office chosen in a new-referral form and the staff who can coordinate there. The default
 * coordinator is the actor when they work there, else the only one there is. Pass `onFormChange`
 * as the form's onChange: the office select is uncontrolled.
 */
export function useOfficeStaff(staff: { id: string; name: string; officeIds: string[] }[], initialOfficeId: string, actorId: string) {
  const [officeId, setOfficeId] = useState(initialOfficeId);
  const officeStaff = staff.filter((s) => s.officeIds.includes(officeId)).map((s) => ({ value: s.id, label: s.name }));
  const defaultCoordinator = officeStaff.some((s) => s.value === actorId) ? actorId : officeStaff.length === 1 ? officeStaff[0]!.value : undefined;
  function onFormChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as unknown as HTMLSelectElement;
    if (target.name === "officeId") setOfficeId(target.value);
  }
  return { officeId, officeStaff, defaultCoordinator, onFormChange };
}
