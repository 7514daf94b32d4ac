"use client";
import Link from "next/link";
import clsx from "clsx";
import { useState } from "react";
import { DuplicatesNotice, DuplicatesPanel } from "@/components/cases/duplicates-panel";
import { OfficeField, PersonFields, useOfficeStaff } from "@/components/cases/intake-fields";
import { FormSection } from "@/components/forms/form-section";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { useConfirmResubmit } from "@/components/forms/use-confirm-resubmit";
import { Button, ButtonLink, focusRing } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { KnownPerson } from "@/lib/dal/persons";
import type { PersonMatches } from "@/lib/dal/person-lookup";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { OUTREACH_MULTI_FIELDS, PERSON_MODES, type PersonMode } from "@/lib/validation/field-names";
import { birthText, PersonPicker, recordText } from "./person-picker";
import { OutreachRecordFields } from "./record-fields";
import type { ChosenPerson, NewOutreachState, Option, PersonSearchResult } from "./types";

type Props = {
  action: (prev: NewOutreachState, formData: FormData) => Promise<NewOutreachState>;
  search: (q: string) => Promise<PersonSearchResult>;
  offices: Option[];
  municipalities: Option[];
  staff: { id: string; name: string; officeIds: string[] }[];
  lastTeamByOffice: Record<string, { teamKind: string; teamName: string }>;
  defaultOfficeId: string;
  actorId: string;
  today: string;
  /** A person already chosen (opened from a case page: /outreach/new?person=…). */
  initialPerson?: KnownPerson | null;
};

const initialState: NewOutreachState = { ok: false };

/**
 * The new-referral form. The person is either registered anew (then the prefecture is checked
 * for the same kana and birth month first, and nothing is saved while possible duplicates are
 * listed) or picked among the persons with a record at an office in reach.
 */
export function NewOutreachForm({ action, search, offices, municipalities, staff, lastTeamByOffice, defaultOfficeId, actorId, today, initialPerson }: Props) {
  const { t } = useI18n();
  const { state, formAction, pending, onSubmit, errors: e, message, messageRef, value, values, hasBrowserErrors } = useCheckedForm(action, () => import("@/lib/validation/outreach").then((m) => m.OutreachCreateSchema), {
    initial: initialState,
    multi: OUTREACH_MULTI_FIELDS,
  });
  const { officeId, officeStaff, defaultCoordinator, onFormChange } = useOfficeStaff(staff, value("officeId", defaultOfficeId) ?? defaultOfficeId, actorId);
  const [mode, setMode] = useState<PersonMode>(() => (value("personMode") === "existing" || initialPerson ? "existing" : "new"));
  const [chosen, setChosen] = useState<ChosenPerson | null>(initialPerson ?? null);
  const { formRef, confirming, confirmAndResubmit, cancelConfirmation } = useConfirmResubmit(state);

  const lastTeam = lastTeamByOffice[officeId];
  const duplicates = !state.ok && !hasBrowserErrors ? state.duplicates : undefined;
  const duplicatesListed = !!duplicates && duplicates.known.length + duplicates.elsewhere.length > 0;
  const label = (name: string) => t(`outreach.form.fields.${name}` as MessageKey);
  const text = (name: string) => value(name);

  function useExisting(person: KnownPerson) {
    setMode("existing");
    setChosen(person);
    cancelConfirmation();
  }

  const officeAndCoordinator = (
    <>
      <OfficeField messages="outreach.form" offices={offices} officeId={officeId} defaultValue={value("officeId", defaultOfficeId)} error={e.officeId} />
      <SelectField
        // Starts again from the office's default when the office changes.
        key={officeId}
        label={label("coordinatorUserId")}
        name="coordinatorUserId"
        required
        options={officeStaff}
        placeholder={t("outreach.form.choose")}
        defaultValue={value("coordinatorUserId", defaultCoordinator)}
        error={e.coordinatorUserId}
      />
    </>
  );

  const personSection = (
    <FormSection title={t("outreach.form.sections.person")}>
      <fieldset className="space-y-2 md:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{label("personMode")}</legend>
        <div className="flex flex-wrap gap-2">
          {PERSON_MODES.map((m) => (
            <label
              key={m}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                // Uncontrolled (React's reset after a failed save puts it back on its default,
                // which is the current choice) and remounted when the choice changes.
                key={`${m}-${mode}`}
                type="radio"
                name="personMode"
                value={m}
                defaultChecked={mode === m}
                onChange={() => setMode(m)}
                className={clsx("size-4 accent-brand-700", focusRing)}
              />
              {t(`outreach.form.personModes.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "existing" ? (
        <PersonPicker search={search} chosen={chosen} onChoose={setChosen} error={e.personId} />
      ) : (
        <>
          <PersonFields messages="outreach.form" text={text} errors={e} municipalities={municipalities} />
        </>
      )}
    </FormSection>
  );

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
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <DuplicatesNotice message={message} duplicatesListed={duplicatesListed} linkLabel={t("outreach.form.duplicates.title")} />}
      </div>
      <p className="text-sm text-slate-700">{t("outreach.form.requiredNote")}</p>
      <input type="hidden" name="confirmDuplicates" value={confirming ? "yes" : ""} />

      <OutreachRecordFields
        value={value}
        values={values}
        defaults={{ referralDate: today.replaceAll("-", "/"), teamKind: lastTeam?.teamKind, teamName: lastTeam?.teamName }}
        errors={e}
        referralSlot={officeAndCoordinator}
        teamKey={officeId}
        afterReferral={personSection}
        datesSlot={
          <TextField label={label("startDate")} name="startDate" autoComplete="off" hint={t("outreach.form.hints.startDate")} defaultValue={text("startDate")} error={e.startDate} />
        }
      />

      {duplicates && duplicatesListed && mode === "new" && <DuplicateList duplicates={duplicates} onUse={useExisting} onConfirm={confirmAndResubmit} pending={pending} />}

      {asksRestatementReason(state) && <RestatementReasonField state={state} id="outreach-restatement-reason" />}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("outreach.form.create")}</SubmitButton>
        <ButtonLink href="/outreach" variant="secondary">
          {t("outreach.form.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}

function DuplicateList({ duplicates, onUse, onConfirm, pending }: { duplicates: PersonMatches; onUse: (p: KnownPerson) => void; onConfirm: () => void; pending: boolean }) {
  const { t, locale } = useI18n();
  return (
    <DuplicatesPanel
      title={t("outreach.form.duplicates.title")}
      body={t("outreach.form.duplicates.body")}
      caption={t("outreach.form.duplicates.caption")}
      headers={
        <>
          <th scope="col" className="px-3 py-2">{t("outreach.form.duplicates.name")}</th>
          <th scope="col" className="px-3 py-2">{t("outreach.form.duplicates.records")}</th>
          <th scope="col" className="px-3 py-2"><span className="sr-only">{t("outreach.form.duplicates.useExisting")}</span></th>
        </>
      }
      confirmLabel={t("outreach.form.duplicates.confirm")}
      onConfirm={onConfirm}
      pending={pending}
      elsewhere={duplicates.elsewhere.map((o) => t("outreach.form.duplicates.elsewhere", { office: o.officeName }))}
    >
      {duplicates.known.length > 0 &&
        duplicates.known.map((d) => (
          <tr key={d.personId} className="border-t border-slate-200 align-top">
            <td className="px-3 py-2">
              <span className="font-medium">{d.name}</span>
              <span className="block text-xs text-slate-600">
                {d.kana}・{birthText(d.birthYearMonth, t)}
              </span>
            </td>
            <td className="px-3 py-2">
              <ul className="space-y-0.5">
                {d.records.map((r) => (
                  <li key={`${r.kind}-${r.id}`}>
                    <Link
                      href={r.kind === "case" ? `/cases/${r.id}` : `/outreach/${r.id}`}
                      target="_blank"
                      rel="noopener"
                      className={clsx("text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
                    >
                      {recordText(r, t, locale)}
                    </Link>
                  </li>
                ))}
              </ul>
            </td>
            <td className="px-3 py-2">
              <Button variant="secondary" size="sm" onClick={() => onUse(d)}>
                {t("outreach.form.duplicates.useExisting")}
              </Button>
            </td>
          </tr>
        ))}
    </DuplicatesPanel>
  );
}
