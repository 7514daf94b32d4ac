"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { Button, ButtonLink, focusRing } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PossibleDuplicate } from "@/lib/dal/cases";
import { SEX_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { CaseCreateSchema } from "@/lib/validation/case";
import { CaseRecordFields, DateField, FormSection } from "./case-fields";
import type { NewCaseState, Option } from "./types";
import { useCheckedForm } from "@/components/forms/use-checked-form";

type Props = {
  action: (prev: NewCaseState, formData: FormData) => Promise<NewCaseState>;
  offices: Option[];
  municipalities: Option[];
  hospitals: Option[];
  staff: { id: string; name: string; officeIds: string[] }[];
  defaultOfficeId: string;
  actorId: string;
};

const initialState: NewCaseState = { ok: false };

/**
 * The new-case form. Saving first asks the server for possible duplicates (same kana and
 * birth year-month in the prefecture); when there are some, nothing is saved and they are
 * listed with a button that sends the same values again with confirmDuplicates=yes.
 */
export function NewCaseForm({ action, offices, municipalities, hospitals, staff, defaultOfficeId, actorId }: Props) {
  const { t, locale } = useI18n();
  const { state, formAction, pending, onSubmit, errors: e, message, messageRef, value, hasBrowserErrors } = useCheckedForm(
    action,
    CaseCreateSchema,
    { initial: initialState },
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [officeId, setOfficeId] = useState(() => value("officeId", defaultOfficeId) ?? defaultOfficeId);
  // The state the user confirmed the duplicates of; any newer answer from the server ends it.
  const [confirmedState, setConfirmedState] = useState<NewCaseState | null>(null);
  const confirming = confirmedState === state;

  const officeStaff = staff.filter((s) => s.officeIds.includes(officeId)).map((s) => ({ value: s.id, label: s.name }));
  const defaultCoordinator = officeStaff.some((s) => s.value === actorId) ? actorId : officeStaff.length === 1 ? officeStaff[0]!.value : undefined;
  const duplicates = !state.ok ? (state.duplicates ?? []) : [];
  const text = (name: string) => value(name);
  const label = (name: string) => t(`caseForm.fields.${name}` as Parameters<typeof t>[0]);

  function confirmAndSave() {
    // The hidden field must read "yes" before the browser collects the form's values.
    flushSync(() => setConfirmedState(state));
    formRef.current?.requestSubmit();
  }

  const officeSlot =
    offices.length > 1 ? (
      <SelectField
        label={label("officeId")}
        name="officeId"
        required
        hint={t("caseForm.hints.office")}
        options={offices}
        // Not the live choice: the select keys itself on defaultValue and would remount (losing focus).
        defaultValue={value("officeId", defaultOfficeId)}
        error={e.officeId}
      />
    ) : (
      <div className="md:col-span-2">
        <input type="hidden" name="officeId" value={officeId} />
        <p className="text-sm text-slate-800">{t("caseForm.officeFixed", { office: offices[0]?.label ?? "" })}</p>
        {e.officeId && <p className="text-sm font-medium text-red-700">{e.officeId}</p>}
      </div>
    );

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) => {
        if (!onSubmit(event)) setConfirmedState(null);
      }}
      onChange={(event) => {
        const target = event.target as unknown as HTMLSelectElement;
        if (target.name === "officeId") setOfficeId(target.value);
      }}
      className="max-w-4xl space-y-6"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="space-y-2 focus:outline-none">
        {message &&
          (duplicates.length > 0 && !hasBrowserErrors ? (
            <FormMessage tone="info">
              {message}{" "}
              <a href="#duplicates" className={`font-medium underline underline-offset-2 ${focusRing}`}>
                {t("caseForm.duplicates.title")}
              </a>
            </FormMessage>
          ) : (
            <FormMessage tone="error">{message}</FormMessage>
          ))}
      </div>
      <p className="text-sm text-slate-700">{t("caseForm.requiredNote")}</p>
      <input type="hidden" name="confirmDuplicates" value={confirming ? "yes" : ""} />

      <FormSection title={t("caseForm.sections.person")} note={t("caseForm.sections.personNote")}>
        <TextField label={label("familyName")} name="familyName" required autoComplete="off" defaultValue={text("familyName")} error={e.familyName} />
        <TextField label={label("givenName")} name="givenName" required autoComplete="off" defaultValue={text("givenName")} error={e.givenName} />
        <TextField
          label={label("familyNameKana")}
          name="familyNameKana"
          required
          autoComplete="off"
          hint={t("caseForm.hints.kana")}
          defaultValue={text("familyNameKana")}
          error={e.familyNameKana}
        />
        <TextField
          label={label("givenNameKana")}
          name="givenNameKana"
          required
          autoComplete="off"
          hint={t("caseForm.hints.kana")}
          defaultValue={text("givenNameKana")}
          error={e.givenNameKana}
        />
        <DateField label={label("dateOfBirth")} name="dateOfBirth" hint={t("caseForm.hints.dateOfBirth")} defaultValue={text("dateOfBirth")} error={e.dateOfBirth} />
        <TextField
          label={label("birthYearMonth")}
          name="birthYearMonth"
          autoComplete="off"
          hint={t("caseForm.hints.birthYearMonth")}
          defaultValue={text("birthYearMonth")}
          error={e.birthYearMonth}
        />
        <SelectField
          label={label("sex")}
          name="sex"
          required
          options={codeOptions(SEX_LABELS, locale)}
          placeholder={t("caseForm.choose")}
          defaultValue={text("sex")}
          error={e.sex}
        />
        <SelectField
          label={label("municipalityCode")}
          name="municipalityCode"
          hint={t("caseForm.hints.municipality")}
          options={municipalities}
          placeholder={t("caseForm.notRecorded")}
          defaultValue={text("municipalityCode")}
          error={e.municipalityCode}
        />
        <TextField label={label("phone")} name="phone" type="tel" autoComplete="off" defaultValue={text("phone")} error={e.phone} />
        <TextField label={label("address")} name="address" autoComplete="off" defaultValue={text("address")} error={e.address} />
      </FormSection>

      <CaseRecordFields
        value={value}
        defaults={{ coordinatorUserId: defaultCoordinator }}
        errors={e}
        hospitals={hospitals}
        staff={officeStaff}
        officeSlot={officeSlot}
        staffKey={officeId}
      />

      {duplicates.length > 0 && <DuplicateList duplicates={duplicates} locale={locale} onConfirm={confirmAndSave} pending={pending} />}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("caseForm.create")}</SubmitButton>
        <ButtonLink href="/cases" variant="secondary">
          {t("caseForm.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}

function DuplicateList({
  duplicates,
  locale,
  onConfirm,
  pending,
}: {
  duplicates: PossibleDuplicate[];
  locale: "ja" | "en";
  onConfirm: () => void;
  pending: boolean;
}) {
  const { t } = useI18n();
  return (
    <section id="duplicates" aria-labelledby="duplicates-title" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-5">
      <h2 id="duplicates-title" className="text-base font-semibold text-amber-950">
        {t("caseForm.duplicates.title")}
      </h2>
      <p className="text-sm text-amber-950">{t("caseForm.duplicates.body", { count: duplicates.length })}</p>
      <div className="overflow-x-auto rounded-md border border-amber-300 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("caseForm.duplicates.caption")}</caption>
          <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.caseNo")}</th>
              <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.office")}</th>
              <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.phase")}</th>
              <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.name")}</th>
            </tr>
          </thead>
          <tbody>
            {duplicates.map((d) => (
              <tr key={d.caseNo} className="border-t border-slate-200">
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{d.caseNo}</td>
                <td className="px-3 py-2">{d.officeName}</td>
                <td className="px-3 py-2">
                  <PhaseBadge phase={d.phase} locale={locale} />
                </td>
                <td className="px-3 py-2">
                  {d.caseId && d.name ? (
                    <Link
                      href={`/cases/${d.caseId}`}
                      target="_blank"
                      rel="noopener"
                      className={`font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900 ${focusRing}`}
                    >
                      {d.name}
                      <span className="sr-only">{t("caseForm.duplicates.newTab")}</span>
                    </Link>
                  ) : (
                    <span className="text-slate-700">{t("caseForm.duplicates.otherOffice")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button variant="primary" onClick={onConfirm} disabled={pending}>
        {t("caseForm.duplicates.confirm")}
      </Button>
    </section>
  );
}
