"use client";
import Link from "next/link";
import { useState } from "react";
import { flushSync } from "react-dom";
import { DuplicatesNotice, DuplicatesPanel } from "@/components/cases/duplicates-panel";
import { OfficeField, PersonFields, useOfficeStaff } from "@/components/cases/intake-fields";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { FormSection } from "@/components/forms/form-section";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { useConfirmResubmit } from "@/components/forms/use-confirm-resubmit";
import { Button, ButtonLink, focusRing } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { KnownPerson } from "@/lib/dal/persons";
import type { PersonMatches } from "@/lib/dal/person-lookup";
import { OUTREACH_STATUS_LABELS } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import { CaseRecordFields } from "./case-fields";
import type { NewCaseState, Option } from "./types";

type Props = {
  action: (prev: NewCaseState, formData: FormData) => Promise<NewCaseState>;
  offices: Option[];
  municipalities: Option[];
  hospitals: Option[];
  staff: { id: string; name: string; officeIds: string[] }[];
  defaultOfficeId: string;
  actorId: string;
  /** A person already known in reach (opened from a case page: /cases/new?person=…). */
  initialPerson?: KnownPerson | null;
};

const initialState: NewCaseState = { ok: false };

/**
 * The new-case form. Saving first asks the server for possible duplicates (same kana and
 * birth year-month in the prefecture); when there are some, nothing is saved and they are
 * listed (records in reach by number and name, other offices by name only) with a button that
 * sends the same values again with confirmDuplicates=yes.
 */
export function NewCaseForm({ action, offices, municipalities, hospitals, staff, defaultOfficeId, actorId, initialPerson }: Props) {
  const { t, locale } = useI18n();
  const { state, formAction, pending, onSubmit, errors: e, message, messageRef, value, hasBrowserErrors } = useCheckedForm(
    action,
    () => import("@/lib/validation/case").then((m) => m.CaseCreateSchema),
    { initial: initialState },
  );
  const { officeId, officeStaff, defaultCoordinator, onFormChange } = useOfficeStaff(staff, value("officeId", defaultOfficeId) ?? defaultOfficeId, actorId);
  const { formRef, confirming, confirmAndResubmit, cancelConfirmation } = useConfirmResubmit(state);
  const duplicates = !state.ok ? state.duplicates : undefined;
  const duplicatesListed = !!duplicates && duplicates.known.length + duplicates.elsewhere.length > 0;
  // A re-referral (ADR 0029): the case is for a person already on record, whose details are not typed again.
  const [existing, setExisting] = useState<KnownPerson | null>(initialPerson ?? null);

  /** From the duplicate list: this is that person; save the case for them at once. */
  function openForExisting(person: KnownPerson) {
    flushSync(() => setExisting(person));
    cancelConfirmation();
    formRef.current?.requestSubmit();
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) => {
        if (!onSubmit(event)) cancelConfirmation();
      }}
      onChange={onFormChange}
      className="max-w-4xl space-y-6"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="space-y-2 focus:outline-none">
        {message && <DuplicatesNotice message={message} duplicatesListed={duplicatesListed && !hasBrowserErrors} linkLabel={t("caseForm.duplicates.title")} />}
      </div>
      <p className="text-sm text-slate-700">{t("caseForm.requiredNote")}</p>
      <input type="hidden" name="confirmDuplicates" value={confirming ? "yes" : ""} />
      <input type="hidden" name="personMode" value={existing ? "existing" : "new"} />
      <input type="hidden" name="personId" value={existing?.personId ?? ""} />

      {existing ? (
        <FormSection title={t("caseForm.existingPerson.title")}>
          <div className="space-y-3 md:col-span-2" data-testid="existing-person">
            <p className="text-sm text-slate-800">
              {t("caseForm.existingPerson.body", {
                name: existing.name,
                kana: existing.kana,
                birth: t("caseForm.existingPerson.birth", { year: existing.birthYearMonth.slice(0, 4), month: Number(existing.birthYearMonth.slice(5, 7)) }),
              })}
            </p>
            {e.personId && <p className="text-sm font-medium text-red-700">{e.personId}</p>}
            <Button variant="secondary" size="sm" onClick={() => setExisting(null)}>
              {t("caseForm.existingPerson.change")}
            </Button>
          </div>
        </FormSection>
      ) : (
        <FormSection title={t("caseForm.sections.person")} note={t("caseForm.sections.personNote")}>
          <PersonFields messages="caseForm" text={value} errors={e} municipalities={municipalities} />
        </FormSection>
      )}

      <CaseRecordFields
        value={value}
        defaults={{ coordinatorUserId: defaultCoordinator }}
        errors={e}
        hospitals={hospitals}
        staff={officeStaff}
        officeSlot={<OfficeField messages="caseForm" offices={offices} officeId={officeId} defaultValue={value("officeId", defaultOfficeId)} error={e.officeId} />}
        staffKey={officeId}
      />

      {duplicates && duplicatesListed && !existing && <DuplicateList duplicates={duplicates} locale={locale} onConfirm={confirmAndResubmit} onNewCase={openForExisting} pending={pending} />}

      {asksRestatementReason(state) && <RestatementReasonField state={state} id="case-restatement-reason" />}

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
  onNewCase,
  pending,
}: {
  duplicates: PersonMatches;
  locale: "ja" | "en";
  onConfirm: () => void;
  /** A new case for this known person (offered when none of their cases in reach is open). */
  onNewCase: (person: KnownPerson) => void;
  pending: boolean;
}) {
  const { t } = useI18n();
  // One row per record in reach, each naming its person.
  const rows = duplicates.known.flatMap((p) => p.records.map((r) => ({ person: p, record: r })));
  return (
    <DuplicatesPanel
      title={t("caseForm.duplicates.title")}
      body={t("caseForm.duplicates.body")}
      caption={t("caseForm.duplicates.caption")}
      headers={
        <>
          <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.caseNo")}</th>
          <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.office")}</th>
          <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.phase")}</th>
          <th scope="col" className="px-3 py-2">{t("caseForm.duplicates.name")}</th>
          <th scope="col" className="px-3 py-2"><span className="sr-only">{t("caseForm.duplicates.newCase")}</span></th>
        </>
      }
      confirmLabel={t("caseForm.duplicates.confirm")}
      onConfirm={onConfirm}
      pending={pending}
      elsewhere={duplicates.elsewhere.map((o) => t("caseForm.duplicates.elsewhere", { office: o.officeName }))}
    >
      {rows.length > 0 &&
        rows.map(({ person, record }) => (
          <tr key={`${record.kind}-${record.id}`} className="border-t border-slate-200">
            <td className="px-3 py-2 whitespace-nowrap tabular-nums">{record.caseNo}</td>
            <td className="px-3 py-2">{record.officeName}</td>
            <td className="px-3 py-2">
              {record.kind === "case" ? (
                <PhaseBadge phase={record.phase} locale={locale} />
              ) : (
                t("caseForm.duplicates.outreachStatus", { status: OUTREACH_STATUS_LABELS[record.status][locale] })
              )}
            </td>
            <td className="px-3 py-2">
              <Link
                href={record.kind === "case" ? `/cases/${record.id}` : `/outreach/${record.id}`}
                target="_blank"
                rel="noopener"
                className={`font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900 ${focusRing}`}
              >
                {person.name}
                <span className="sr-only">{t("caseForm.duplicates.newTab")}</span>
              </Link>
            </td>
            <td className="px-3 py-2">
              {/* Once per person (on their first row), and only when no case of theirs in reach is open. */}
              {record === person.records[0] && !person.records.some((r) => r.kind === "case" && r.phase !== "closed") && (
                <Button variant="secondary" size="sm" onClick={() => onNewCase(person)} disabled={pending}>
                  {t("caseForm.duplicates.newCase")}
                  <span className="sr-only">{t("caseForm.duplicates.newCaseFor", { name: person.name })}</span>
                </Button>
              )}
            </td>
          </tr>
        ))}
    </DuplicatesPanel>
  );
}
