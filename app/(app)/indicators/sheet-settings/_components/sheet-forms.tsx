"use client";
import { FormAnswer } from "@/components/activities/form-answer";
import { Check } from "@/components/activities/check-field";
import { ConfirmDeleteDialog } from "@/components/forms/confirm-delete-form";
import { enterSubmits } from "@/components/forms/enter-submits";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { useInputForm } from "../../_inputs/input-form";
import { addSheetRowAction, moveSheetRowAction, removeSheetRowAction, saveNarrativeAction, saveYearFactsAction, updateSheetHeadingAction } from "../actions";

/*
 * The small forms of the sheet settings page, one per row and purpose, each saved on its own
 * (the page comes back with the flash). Every form carries the fiscal year it was on, so the
 * answer lands on the same year.
 */

const pageHref = (fy: number) => `/indicators/sheet-settings?fy=${fy}`;

/** A row's own heading; empty shows the indicator's name on the sheet. */
export function HeadingForm({ code, name, heading, version, fy }: { code: string; name: string; heading: string; version: number; fy: number }) {
  const { t } = useI18n();
  const form = useInputForm(updateSheetHeadingAction, () => import("@/lib/validation/sheet-settings").then((m) => m.SheetRowHeadingSchema), { heading }, "indicatorInputs.sheet.rows");
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} className="space-y-2" noValidate>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={pageHref(fy)} />
      <input type="hidden" name="indicatorCode" value={code} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="base" value={JSON.stringify({ heading: heading || null })} />
      <input type="hidden" name="fy" value={fy} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <TextField id={`heading-${code}`} label={t("indicatorInputs.sheet.rows.headingLabel", { name })} name="heading" textKind="title" defaultValue={form.v("heading")} error={form.errors.heading} />
        </div>
        <div className="pb-0.5">
          <SubmitButton variant="secondary" size="sm">
            <span aria-hidden="true">{t("indicatorInputs.sheet.rows.headingSave")}</span>
            <span className="sr-only">{t("indicatorInputs.sheet.rows.headingSaveLabel", { name })}</span>
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** 上へ / 下へ: the row swaps places with its neighbour. */
export function MoveForm({ code, name, version, fy, direction, disabled }: { code: string; name: string; version: number; fy: number; direction: "up" | "down"; disabled: boolean }) {
  const { t } = useI18n();
  const { formAction, onSubmit, message, messageRef } = useInputForm(moveSheetRowAction, () => import("@/lib/validation/sheet-settings").then((m) => m.SheetRowMoveSchema), {}, "indicatorInputs.sheet.rows");
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="indicatorCode" value={code} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="direction" value={direction} />
      <input type="hidden" name="fy" value={fy} />
      <SubmitButton variant="secondary" size="sm" disabled={disabled}>
        <span aria-hidden="true">{t(direction === "up" ? "indicatorInputs.sheet.rows.up" : "indicatorInputs.sheet.rows.down")}</span>
        <span className="sr-only">{t(direction === "up" ? "indicatorInputs.sheet.rows.upLabel" : "indicatorInputs.sheet.rows.downLabel", { name })}</span>
      </SubmitButton>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none" role="status">
        {message && <p className="mt-1 max-w-48 text-xs text-red-700">{message}</p>}
      </div>
    </form>
  );
}

/** Take the indicator off the sheet, after a confirmation (its narratives stay). */
export function RemoveRowDialog({ code, name, version, fy }: { code: string; name: string; version: number; fy: number }) {
  const { t } = useI18n();
  return (
    <ConfirmDeleteDialog
      action={removeSheetRowAction}
      schema={() => import("@/lib/validation/sheet-settings").then((m) => m.SheetRowRemoveSchema)}
      hidden={{ id: code, version, fy }}
      confirmLabel={t("indicatorInputs.sheet.rows.removeConfirm")}
      texts={{
        trigger: t("indicatorInputs.sheet.rows.remove"),
        triggerAriaLabel: t("indicatorInputs.sheet.rows.removeLabel", { name }),
        title: t("indicatorInputs.sheet.rows.removeTitle"),
        body: t("indicatorInputs.sheet.rows.removeBody", { name }),
        size: "sm",
      }}
    />
  );
}

/** Put another registry indicator on the sheet, last. */
export function AddRowForm({ available, fy }: { available: { value: string; label: string }[]; fy: number }) {
  const { t } = useI18n();
  const form = useInputForm(addSheetRowAction, () => import("@/lib/validation/sheet-settings").then((m) => m.SheetRowAddSchema), {}, "indicatorInputs.sheet.rows");
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} onKeyDown={enterSubmits} className="space-y-3" noValidate>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={pageHref(fy)} />
      <input type="hidden" name="fy" value={fy} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("indicatorInputs.sheet.rows.addIndicator")} name="indicatorCode" required placeholder={t("indicatorInputs.common.choose")} options={available} defaultValue={form.v("indicatorCode")} error={form.errors.indicatorCode} />
        <TextField label={t("indicatorInputs.sheet.rows.addHeading")} name="heading" textKind="title" defaultValue={form.v("heading")} error={form.errors.heading} />
      </div>
      <SubmitButton variant="secondary">{t("indicatorInputs.sheet.rows.addButton")}</SubmitButton>
    </form>
  );
}

/** One row's 具体的な成果・効果 for the year, saved on its own; line breaks are kept (Enter is a new line here). */
export function NarrativeForm({ code, label, text, version, fy }: { code: string; label: string; text: string; version: number; fy: number }) {
  const { t } = useI18n();
  const form = useInputForm(saveNarrativeAction, () => import("@/lib/validation/sheet-settings").then((m) => m.NarrativeSchema), { text }, "indicatorInputs.sheet.narratives");
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} className="space-y-2" noValidate data-testid={`narrative-${code}`}>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={pageHref(fy)} />
      <input type="hidden" name="indicatorCode" value={code} />
      <input type="hidden" name="fiscalYear" value={fy} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="base" value={JSON.stringify({ text: text || null })} />
      <input type="hidden" name="fy" value={fy} />
      <TextAreaField id={`narrative-${code}`} label={label} name="text" rows={5} textKind="narrative" defaultValue={form.v("text")} error={form.errors.text} />
      {asksRestatementReason(form.state) && <RestatementReasonField state={form.state} id={`narrative-reason-${code}`} />}
      <SubmitButton variant="secondary" size="sm">
        <span aria-hidden="true">{t("indicatorInputs.sheet.narratives.save")}</span>
        <span className="sr-only">{t("indicatorInputs.sheet.narratives.saveLabel", { name: label })}</span>
      </SubmitButton>
    </form>
  );
}

/** The year's facts: 精神部会 有 / 無 / 未記録, the hostel's unique users, and the 協議の場 block's date. */
export function FactsForm({ fy, facts }: { fy: number; facts: { jiritsuMhSubcommittee: boolean | null; hostelUniqueUsers: number | null; kyogiAsOfNextApril: boolean; version: number } }) {
  const { t } = useI18n();
  const defaults = {
    jiritsuMhSubcommittee: facts.jiritsuMhSubcommittee === null ? "" : facts.jiritsuMhSubcommittee ? "yes" : "no",
    hostelUniqueUsers: facts.hostelUniqueUsers === null ? "" : String(facts.hostelUniqueUsers),
    kyogiAsOfNextApril: facts.kyogiAsOfNextApril ? "on" : "",
  };
  const form = useInputForm(saveYearFactsAction, () => import("@/lib/validation/sheet-settings").then((m) => m.YearFactsSchema), defaults, "indicatorInputs.sheet.facts");
  const { errors: e, v, label } = form;
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} onKeyDown={enterSubmits} className="max-w-3xl space-y-4" noValidate>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={pageHref(fy)} />
      <input type="hidden" name="fiscalYear" value={fy} />
      <input type="hidden" name="version" value={facts.version} />
      <input type="hidden" name="base" value={JSON.stringify({ jiritsuMhSubcommittee: facts.jiritsuMhSubcommittee, hostelUniqueUsers: facts.hostelUniqueUsers, kyogiAsOfNextApril: facts.kyogiAsOfNextApril })} />
      <input type="hidden" name="fy" value={fy} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={label("subcommittee")}
          name="jiritsuMhSubcommittee"
          options={[
            { value: "", label: label("unknown") },
            { value: "yes", label: label("yes") },
            { value: "no", label: label("no") },
          ]}
          defaultValue={v("jiritsuMhSubcommittee")}
          error={e.jiritsuMhSubcommittee}
        />
        <TextField label={label("hostelUsers")} name="hostelUniqueUsers" inputMode="numeric" hint={label("hostelUsersHint")} defaultValue={v("hostelUniqueUsers")} error={e.hostelUniqueUsers} />
      </div>
      <div className="space-y-1">
        <Check name="kyogiAsOfNextApril" label={label("kyogiAsOfNextApril")} checked={v("kyogiAsOfNextApril") === "on"} />
        <p className="pl-6 text-sm text-slate-600">{label("kyogiAsOfNextAprilHint")}</p>
      </div>
      {asksRestatementReason(form.state) && <RestatementReasonField state={form.state} id="facts-reason" />}
      <SubmitButton>{t("indicatorInputs.sheet.facts.save")}</SubmitButton>
    </form>
  );
}
