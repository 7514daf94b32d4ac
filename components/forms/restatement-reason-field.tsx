"use client";
import { TextAreaField } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";

/** The parts of a form's state that say whether to ask for 訂正の理由 (a FormState fits). */
export type RestatingState = { ok: boolean; fieldErrors?: Record<string, string>; values?: Record<string, string | string[]> };

/**
 * Whether a form asks for 訂正の理由: the server asked for one (the guard's field error, ADR 0025),
 * or one was typed before a save that failed for another reason.
 */
export function asksRestatementReason(state: RestatingState): boolean {
  if (state.ok) return false;
  const typed = state.values?.restatementReason;
  return !!state.fieldErrors?.restatementReason || (typeof typed === "string" && typed.trim() !== "");
}

/**
 * 訂正の理由: the reason a change to a record of a locked fiscal year is kept with (its
 * restatement, shown on the 自治体情報シート). Any form whose save goes through the lock's
 * guard can render it: the field is named `restatementReason`, the shared zod piece in
 * lib/validation/fields.ts reads it, and the DAL refuses the save without it.
 */
export function RestatementReasonField({ state, error, id }: { state: RestatingState; error?: string; id?: string }) {
  const { t } = useI18n();
  const typed = state.ok ? undefined : state.values?.restatementReason;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="restatement-reason">
      <TextAreaField
        id={id}
        label={t("yearClose.guard.fieldLabel")}
        name="restatementReason"
        required
        rows={2}
        textKind="reason"
        hint={t("yearClose.guard.fieldHint")}
        defaultValue={typeof typed === "string" ? typed : undefined}
        error={error ?? (state.ok ? undefined : state.fieldErrors?.restatementReason)}
      />
    </div>
  );
}
