"use client";
import Link from "next/link";
import clsx from "clsx";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { Button, ButtonLink, focusRing } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PersonMatch } from "@/lib/dal/outreach";
import { SEX_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { OUTREACH_MULTI_FIELDS, OutreachCreateSchema, PERSON_MODES, type PersonMode } from "@/lib/validation/outreach";
import { birthText, PersonPicker, recordText } from "./person-picker";
import { FormSection, OutreachRecordFields } from "./record-fields";
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
};

const initialState: NewOutreachState = { ok: false };

/**
 * The new-referral form. The person is either registered anew (then the prefecture is checked
 * for the same kana and birth month first, and nothing is saved while possible duplicates are
 * listed) or picked among the persons of the offices in reach.
 */
export function NewOutreachForm({ action, search, offices, municipalities, staff, lastTeamByOffice, defaultOfficeId, actorId, today }: Props) {
  const { t, locale } = useI18n();
  const { state, formAction, pending, onSubmit, errors: e, message, messageRef, value, values, hasBrowserErrors } = useCheckedForm(action, OutreachCreateSchema, {
    initial: initialState,
    multi: OUTREACH_MULTI_FIELDS,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [officeId, setOfficeId] = useState(() => value("officeId", defaultOfficeId) ?? defaultOfficeId);
  const [mode, setMode] = useState<PersonMode>(() => (value("personMode") === "existing" ? "existing" : "new"));
  const [chosen, setChosen] = useState<ChosenPerson | null>(null);
  // The state whose duplicates the user confirmed; any newer answer from the server ends it.
  const [confirmedState, setConfirmedState] = useState<NewOutreachState | null>(null);
  const confirming = confirmedState === state;

  const officeStaff = staff.filter((s) => s.officeIds.includes(officeId)).map((s) => ({ value: s.id, label: s.name }));
  const defaultCoordinator = officeStaff.some((s) => s.value === actorId) ? actorId : officeStaff.length === 1 ? officeStaff[0]!.value : "";
  const lastTeam = lastTeamByOffice[officeId];
  const duplicates = !state.ok && !hasBrowserErrors ? (state.duplicates ?? []) : [];
  const label = (name: string) => t(`outreach.form.fields.${name}` as MessageKey);
  const text = (name: string) => value(name);

  function confirmAndSave() {
    // The hidden field must read "yes" before the browser collects the form's values.
    flushSync(() => setConfirmedState(state));
    formRef.current?.requestSubmit();
  }

  function useExisting(match: PersonMatch) {
    if (!match.personId || !match.name || !match.kana) return;
    setMode("existing");
    setChosen({ personId: match.personId, name: match.name, kana: match.kana, birthYearMonth: match.birthYearMonth, officeName: match.officeName, records: match.records });
    setConfirmedState(null);
  }

  const officeAndCoordinator = (
    <>
      {offices.length > 1 ? (
        <SelectField
          label={label("officeId")}
          name="officeId"
          required
          hint={t("outreach.form.hints.office")}
          options={offices}
          defaultValue={value("officeId", defaultOfficeId)}
          error={e.officeId}
        />
      ) : (
        <div className="md:col-span-2">
          <input type="hidden" name="officeId" value={officeId} />
          <p className="text-sm text-slate-800">{t("outreach.form.officeFixed", { office: offices[0]?.label ?? "" })}</p>
          {e.officeId && <p className="text-sm font-medium text-red-700">{e.officeId}</p>}
        </div>
      )}
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
          <TextField label={label("familyName")} name="familyName" required autoComplete="off" defaultValue={text("familyName")} error={e.familyName} />
          <TextField label={label("givenName")} name="givenName" required autoComplete="off" defaultValue={text("givenName")} error={e.givenName} />
          <TextField label={label("familyNameKana")} name="familyNameKana" required autoComplete="off" hint={t("outreach.form.hints.kana")} defaultValue={text("familyNameKana")} error={e.familyNameKana} />
          <TextField label={label("givenNameKana")} name="givenNameKana" required autoComplete="off" hint={t("outreach.form.hints.kana")} defaultValue={text("givenNameKana")} error={e.givenNameKana} />
          <TextField label={label("dateOfBirth")} name="dateOfBirth" autoComplete="off" hint={t("outreach.form.hints.dateOfBirth")} defaultValue={text("dateOfBirth")} error={e.dateOfBirth} />
          <TextField label={label("birthYearMonth")} name="birthYearMonth" autoComplete="off" hint={t("outreach.form.hints.birthYearMonth")} defaultValue={text("birthYearMonth")} error={e.birthYearMonth} />
          <SelectField label={label("sex")} name="sex" required options={codeOptions(SEX_LABELS, locale)} placeholder={t("outreach.form.choose")} defaultValue={text("sex")} error={e.sex} />
          <SelectField
            label={label("municipalityCode")}
            name="municipalityCode"
            hint={t("outreach.form.hints.municipality")}
            options={municipalities}
            placeholder={t("outreach.form.notRecorded")}
            defaultValue={text("municipalityCode")}
            error={e.municipalityCode}
          />
          <TextField label={label("phone")} name="phone" type="tel" autoComplete="off" defaultValue={text("phone")} error={e.phone} />
          <TextField label={label("address")} name="address" autoComplete="off" defaultValue={text("address")} error={e.address} />
        </>
      )}
    </FormSection>
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
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message &&
          (duplicates.length > 0 ? (
            <FormMessage tone="info">
              {message}{" "}
              <a href="#duplicates" className={clsx("font-medium underline underline-offset-2", focusRing)}>
                {t("outreach.form.duplicates.title")}
              </a>
            </FormMessage>
          ) : (
            <FormMessage tone="error">{message}</FormMessage>
          ))}
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

      {duplicates.length > 0 && mode === "new" && <DuplicateList duplicates={duplicates} onUse={useExisting} onConfirm={confirmAndSave} pending={pending} />}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("outreach.form.create")}</SubmitButton>
        <ButtonLink href="/outreach" variant="secondary">
          {t("outreach.form.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}

function DuplicateList({ duplicates, onUse, onConfirm, pending }: { duplicates: PersonMatch[]; onUse: (m: PersonMatch) => void; onConfirm: () => void; pending: boolean }) {
  const { t, locale } = useI18n();
  return (
    <section id="duplicates" aria-labelledby="duplicates-title" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-5">
      <h2 id="duplicates-title" className="text-base font-semibold text-amber-950">
        {t("outreach.form.duplicates.title")}
      </h2>
      <p className="text-sm text-amber-950">{t("outreach.form.duplicates.body", { count: duplicates.length })}</p>
      <div className="overflow-x-auto rounded-md border border-amber-300 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("outreach.form.duplicates.caption")}</caption>
          <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{t("outreach.form.duplicates.name")}</th>
              <th scope="col" className="px-3 py-2">{t("outreach.form.duplicates.office")}</th>
              <th scope="col" className="px-3 py-2">{t("outreach.form.duplicates.records")}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("outreach.form.duplicates.useExisting")}</span></th>
            </tr>
          </thead>
          <tbody>
            {duplicates.map((d, i) => (
              <tr key={d.personId ?? `other-${i}`} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2">
                  {d.name ? (
                    <>
                      <span className="font-medium">{d.name}</span>
                      <span className="block text-xs text-slate-600">
                        {d.kana}・{birthText(d.birthYearMonth, t)}
                      </span>
                    </>
                  ) : (
                    <span className="text-slate-700">{t("outreach.form.duplicates.otherOffice")}</span>
                  )}
                </td>
                <td className="px-3 py-2">{d.officeName}</td>
                <td className="px-3 py-2">
                  <ul className="space-y-0.5">
                    {d.records.map((r) =>
                      r.id ? (
                        <li key={r.caseNo}>
                          <Link
                            href={r.kind === "case" ? `/cases/${r.id}` : `/outreach/${r.id}`}
                            target="_blank"
                            rel="noopener"
                            className={clsx("text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
                          >
                            {recordText(r, t, locale)}
                          </Link>
                        </li>
                      ) : (
                        <li key={r.caseNo} className="whitespace-nowrap tabular-nums">
                          {recordText(r, t, locale)}
                        </li>
                      ),
                    )}
                  </ul>
                </td>
                <td className="px-3 py-2">
                  {d.personId && (
                    <Button variant="secondary" size="sm" onClick={() => onUse(d)}>
                      {t("outreach.form.duplicates.useExisting")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button variant="primary" onClick={onConfirm} disabled={pending}>
        {t("outreach.form.duplicates.confirm")}
      </Button>
    </section>
  );
}
