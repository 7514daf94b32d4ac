"use client";
import clsx from "clsx";
import { useCallback, useRef } from "react";
import { FormAnswer } from "@/components/activities/form-answer";
import { TableRegion } from "@/components/activities/table-region";
import { useLiveFigure } from "@/components/activities/use-live-figure";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { focusRing } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { KYOGI_FORM_LABELS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { cellName } from "@/lib/validation/field-names";
import { TEXT_LIMITS } from "@/lib/validation/text-limits";
import type { ActivityFormState } from "../../_lib/form-state";

export type StatusRow = { code: string; name: string; officeName: string; version: number; values: Record<string, string> };

const cellInput = (invalid: boolean) => clsx(inputClass, "min-w-0 px-2 py-1.5", invalid ? "border-red-700" : "border-slate-500");

/**
 * Every municipality of the prefecture on one screen, saved at once. Each cell has a label
 * (visually the column header, for screen readers "玉野市：設置形態"); errors are listed above
 * the table with links to their cells and shown in the cell itself.
 */
export function MunicipalStatusForm({ action, fiscalYear, rows, reloadHref }: { action: (prev: ActivityFormState, fd: FormData) => Promise<ActivityFormState>; fiscalYear: number; rows: StatusRow[]; reloadHref: string }) {
  const { t, locale } = useI18n();
  const { state, formAction, onSubmit, errors, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, () => import("@/lib/validation/activities-tables").then((m) => m.MunicipalStatusTableSchema));
  const v = (field: string, code: string) => value(cellName(field, code), rows.find((r) => r.code === code)?.values[field] ?? "") ?? "";
  const tableRef = useRef<HTMLTableElement>(null);
  // The count follows the ticks: derived from the (re-filled) values after each answer of the
  // server, counted from the checkboxes while editing until the next answer.
  const [covered, setCovered] = useLiveFigure(state, rows.filter((r) => v("exists", r.code) === "on").length);
  const recount = useCallback(() => setCovered(tableRef.current?.querySelectorAll<HTMLInputElement>("input[data-exists]:checked").length ?? 0), [setCovered]);
  const forms = codeOptions(KYOGI_FORM_LABELS, locale);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const errorItems = Object.entries(errors).map(([field, text]) => {
    const code = field.slice(field.lastIndexOf("_") + 1);
    return { id: `cell-${field}`, text: `${names.get(code) ?? ""}：${text}` };
  });
  const err = (field: string, code: string) => errors[cellName(field, code)];
  const described = (field: string, code: string) => (err(field, code) ? `cell-${cellName(field, code)}-error` : undefined);
  /** What ties a cell's control to its error: the id the error summary links to, the name, aria-invalid and aria-describedby. */
  const wired = (field: string, code: string) => ({ id: `cell-${cellName(field, code)}`, name: cellName(field, code), "aria-invalid": !!err(field, code), "aria-describedby": described(field, code) });

  return (
    <form action={formAction} onSubmit={onSubmit} onChange={recount} className="space-y-4" noValidate>
      <FormAnswer messageRef={messageRef} message={message} state={state} hasBrowserErrors={hasBrowserErrors} reloadHref={reloadHref} conflictLead={t("activities.kyogiStatus.conflict")} summary={{ title: t("activities.kyogiStatus.errorSummary", { n: errorItems.length }), items: errorItems }} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      <input type="hidden" name="codes" value={rows.map((r) => r.code).join(",")} />
      <p className="text-sm font-semibold text-slate-900" aria-live="polite" data-testid="status-live">
        {t("activities.kyogiStatus.summaryLive", { n: covered, total: rows.length })}
      </p>
      <TableRegion label={t("activities.kyogiStatus.caption")}>
        <table ref={tableRef} className="min-w-full border-collapse text-sm">
          <caption className="sr-only">{t("activities.kyogiStatus.caption")}</caption>
          <thead className="bg-slate-100">
            <tr>
              {(["municipality", "exists", "form", "established", "meetings", "note"] as const).map((c) => (
                <th key={c} scope="col" className="px-2 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700">
                  {t(`activities.kyogiStatus.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className="border-t border-slate-200 align-top even:bg-slate-50">
                <th scope="row" className="px-2 py-2 text-left font-medium whitespace-nowrap">
                  {r.name}
                  <span className="block text-xs font-normal text-slate-600">{r.officeName}</span>
                  <input type="hidden" name={cellName("version", r.code)} value={r.version} />
                </th>
                <td className="px-2 py-2">
                  <input
                    key={`exists-${v("exists", r.code)}`}
                    {...wired("exists", r.code)}
                    type="checkbox"
                    data-exists=""
                    defaultChecked={v("exists", r.code) === "on"}
                    aria-label={t("activities.kyogiStatus.existsLabel", { name: r.name })}
                    className={clsx("mt-2 size-5 accent-brand-700", focusRing)}
                  />
                  <CellError id={described("exists", r.code)} text={err("exists", r.code)} />
                </td>
                <td className="px-2 py-2">
                  <select
                    key={`form-${v("form", r.code)}`}
                    {...wired("form", r.code)}
                    defaultValue={v("form", r.code)}
                    aria-label={t("activities.kyogiStatus.formLabel", { name: r.name })}
                    className={clsx(cellInput(!!err("form", r.code)), "w-52 min-w-[11rem] pr-7")}
                  >
                    <option value="">{t("activities.common.none")}</option>
                    {forms.map((f) => (
                      <option key={f.value} value={f.value}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                  <CellError id={described("form", r.code)} text={err("form", r.code)} />
                </td>
                <td className="px-2 py-2">
                  <input
                    {...wired("established", r.code)}
                    defaultValue={v("established", r.code)}
                    aria-label={t("activities.kyogiStatus.establishedLabel", { name: r.name })}
                    className={clsx(cellInput(!!err("established", r.code)), "w-32 min-w-[7.5rem]")}
                  />
                  <CellError id={described("established", r.code)} text={err("established", r.code)} />
                </td>
                <td className="px-2 py-2">
                  <input
                    {...wired("meetings", r.code)}
                    inputMode="numeric"
                    defaultValue={v("meetings", r.code)}
                    aria-label={t("activities.kyogiStatus.meetingsLabel", { name: r.name })}
                    className={clsx(cellInput(!!err("meetings", r.code)), "w-20 min-w-[4.5rem] text-right tabular-nums")}
                  />
                  <CellError id={described("meetings", r.code)} text={err("meetings", r.code)} />
                </td>
                <td className="px-2 py-2">
                  <input
                    {...wired("note", r.code)}
                    maxLength={TEXT_LIMITS.note}
                    defaultValue={v("note", r.code)}
                    aria-label={t("activities.kyogiStatus.noteLabel", { name: r.name })}
                    className={clsx(cellInput(!!err("note", r.code)), "w-52 min-w-[10rem]")}
                  />
                  <CellError id={described("note", r.code)} text={err("note", r.code)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {asksRestatementReason(state) && <RestatementReasonField state={state} />}
      <SubmitButton>{t("activities.kyogiStatus.save")}</SubmitButton>
    </form>
  );
}

function CellError({ id, text }: { id?: string; text?: string }) {
  if (!id || !text) return null;
  return (
    <p id={id} className="mt-1 max-w-52 text-xs font-medium text-red-700">
      {text}
    </p>
  );
}
