"use client";
import type { Ref } from "react";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { FormMessage, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { lockYearAction, signOffYearAction, unlockYearAction } from "../actions";

/*
 * The small forms of the year-end close page, each saved on its own; the page comes back on the
 * same year with a flash. The schema runs here first and again on the server.
 */

function Answer({ message, messageRef }: { message: string | undefined; messageRef: Ref<HTMLDivElement> }) {
  return (
    <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
      {message && <FormMessage tone="error">{message}</FormMessage>}
    </div>
  );
}

/** A supervisor signs off one office for the year, with an optional note. */
export function SignOffForm({ officeId, officeName, fiscalYear, fyLabel }: { officeId: string; officeName: string; fiscalYear: number; fyLabel: string }) {
  const { t } = useI18n();
  const form = useCheckedForm(signOffYearAction, () => import("@/lib/validation/year-close").then((m) => m.SignOffSchema));
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} className="space-y-2" noValidate>
      <Answer message={form.message} messageRef={form.messageRef} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      <input type="hidden" name="officeId" value={officeId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <TextField
            id={`signoff-note-${officeId}`}
            label={t("yearClose.signoff.noteLabel", { office: officeName })}
            name="note"
            textKind="reason"
            defaultValue={form.value("note", "")}
            error={form.errors.note}
          />
        </div>
        <div className="pb-0.5">
          <SubmitButton size="sm">
            <span aria-hidden="true">{t("yearClose.signoff.action")}</span>
            <span className="sr-only">{t("yearClose.signoff.actionLabel", { office: officeName, fy: fyLabel })}</span>
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** Prefecture staff lock the year (the page has said which offices have not signed off). */
export function LockForm({ fiscalYear, fyLabel }: { fiscalYear: number; fyLabel: string }) {
  const { t } = useI18n();
  const form = useCheckedForm(lockYearAction, () => import("@/lib/validation/year-close").then((m) => m.LockSchema));
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} className="space-y-3" noValidate>
      <Answer message={form.message} messageRef={form.messageRef} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      <SubmitButton>{t("yearClose.lock.action", { fy: fyLabel })}</SubmitButton>
    </form>
  );
}

/** Prefecture staff unlock the year, saying why. */
export function UnlockForm({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useI18n();
  const form = useCheckedForm(unlockYearAction, () => import("@/lib/validation/year-close").then((m) => m.UnlockSchema));
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} className="max-w-2xl space-y-3" noValidate>
      <Answer message={form.message} messageRef={form.messageRef} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      <TextAreaField label={t("yearClose.unlock.reasonLabel")} name="reason" required rows={2} textKind="reason" defaultValue={form.value("reason", "")} error={form.errors.reason} />
      <SubmitButton variant="secondary">{t("yearClose.unlock.action")}</SubmitButton>
    </form>
  );
}
