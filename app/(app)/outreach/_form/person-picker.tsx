"use client";
import clsx from "clsx";
import { useId, useState, useTransition, type KeyboardEvent } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Spinner } from "@/components/ui/submit-button";
import { PHASE_LABELS } from "@/lib/domain/case-codes";
import { OUTREACH_STATUS_LABELS } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import type { PersonRecord } from "@/lib/dal/persons";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/domain/codes";
import type { ChosenPerson, PersonSearchResult } from "./types";

/** "地域移行 33-BZ-2024-0012（退院）・備前保健所" for a record of the person. */
export function recordText(r: PersonRecord, t: Translate, locale: Locale): string {
  const label = r.kind === "case" ? t("outreach.form.recordCase", { caseNo: r.caseNo }) : t("outreach.form.recordOutreach", { caseNo: r.caseNo });
  const state = r.kind === "case" ? PHASE_LABELS[r.phase][locale] : OUTREACH_STATUS_LABELS[r.status][locale];
  return t("outreach.form.recordAtOffice", { record: `${label}（${state}）`, office: r.officeName });
}

export function birthText(birthYearMonth: string, t: Translate): string {
  return t("outreach.form.birthValue", { year: birthYearMonth.slice(0, 4), month: Number(birthYearMonth.slice(5, 7)) });
}

/**
 * Pick by kana a person the actor sees (one of their records is at an office in reach). The
 * search is a server action of its own (audited, scoped in SQL); the choice travels in a hidden
 * `personId` field, so React's form reset after a failed save cannot lose it. Enter in the
 * search box searches instead of saving.
 */
export function PersonPicker({
  search,
  chosen,
  onChoose,
  error,
}: {
  search: (q: string) => Promise<PersonSearchResult>;
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson | null) => void;
  error?: string;
}) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ChosenPerson[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const statusId = `${inputId}-status`;

  function run() {
    const query = q.trim();
    if (query.length < 2) {
      setProblem(t("outreach.form.personSearch.tooShort"));
      setResults(null);
      return;
    }
    setProblem(null);
    startTransition(async () => {
      try {
        const answer = await search(query);
        if (answer.ok) setResults(answer.persons);
        else {
          setResults(null);
          setProblem(answer.message);
        }
      } catch {
        setResults(null);
        setProblem(t("outreach.form.personSearch.failed"));
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    event.preventDefault(); // Enter here searches; it must not send the whole form.
    run();
  }

  const describedBy = [hintId, (error || problem) && errorId].filter(Boolean).join(" ");
  return (
    <div className="space-y-3 md:col-span-2">
      <input type="hidden" name="personId" value={chosen?.personId ?? ""} />
      <div className="space-y-1.5">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
          {t("outreach.form.personSearch.label")}
        </label>
        <p id={hintId} className="text-sm text-slate-600">
          {t("outreach.form.personSearch.hint")}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={inputId}
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
            maxLength={40}
            aria-invalid={!!(error || problem)}
            aria-describedby={describedBy}
            className={clsx(inputClass, "max-w-xs", error || problem ? "border-red-700" : "border-slate-500")}
          />
          <Button variant="secondary" onClick={run} disabled={pending}>
            {pending && <Spinner />}
            {t("outreach.form.personSearch.button")}
          </Button>
        </div>
        <div aria-live="polite">
          {(error || problem) && (
            <p id={errorId} className="text-sm font-medium text-red-700">
              <span className="sr-only">{t("ui.errorPrefix")}</span>
              {problem ?? error}
            </p>
          )}
        </div>
      </div>

      {chosen && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-700 bg-brand-50 px-4 py-3 text-sm">
          <p className="font-medium text-slate-900">
            {t("outreach.form.personSearch.chosen", { name: chosen.name })}
            <span className="ml-2 font-normal text-slate-700">
              {chosen.kana}・{birthText(chosen.birthYearMonth, t)}
            </span>
          </p>
        </div>
      )}

      <p id={statusId} role="status" className="text-sm text-slate-700">
        {pending ? t("outreach.form.personSearch.searching") : results ? (results.length ? t("outreach.form.personSearch.results", { n: results.length }) : t("outreach.form.personSearch.none")) : ""}
      </p>
      {results && results.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-300">
          {results.map((p) => {
            const selected = chosen?.personId === p.personId;
            return (
              <li key={p.personId} className={clsx("flex flex-wrap items-center justify-between gap-3 px-4 py-3", selected && "bg-brand-50")}>
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {p.name}
                    <span className="ml-2 font-normal text-slate-700">{p.kana}</span>
                  </p>
                  <p className="text-slate-700">{birthText(p.birthYearMonth, t)}</p>
                  <p className="text-xs text-slate-600">
                    {p.records.length
                      ? t("outreach.form.personSearch.records", { records: p.records.map((r) => recordText(r, t, locale)).join(t("outreach.detail.audit.listSeparator")) })
                      : t("outreach.form.personSearch.noRecords")}
                  </p>
                </div>
                <button
                  type="button"
                  aria-pressed={selected}
                  onClick={() => onChoose(selected ? null : p)}
                  className={clsx(
                    "inline-flex min-h-9 items-center rounded-md border px-3 text-sm font-medium",
                    selected ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-brand-800 hover:bg-brand-50",
                    focusRing,
                  )}
                >
                  {selected ? t("outreach.form.personSearch.chosen", { name: p.name }) : t("outreach.form.duplicates.useExisting")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
