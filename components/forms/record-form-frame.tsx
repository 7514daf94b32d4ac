"use client";
import clsx from "clsx";
import type { FormEvent, ReactNode, Ref } from "react";
import { FormAnswer } from "@/components/activities/form-answer";
import { enterSubmits } from "@/components/forms/enter-submits";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

/** What an edit sends back: the version it started from and the values it was loaded with (for the conflict report). */
export type EditedRecord = { id: string; version: number; base: string };

/** The parts of a checked form (useCheckedForm) the frame needs. */
export type FramedForm = {
  formAction: (formData: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  messageRef: Ref<HTMLDivElement>;
  message: string | undefined;
  state: { ok: boolean; conflictLines?: string[]; fieldErrors?: Record<string, string>; values?: Record<string, string | string[]> };
  hasBrowserErrors: boolean;
};

/**
 * A record's form, built for quick keyboard entry (Enter saves from any field): the answer
 * above, the required-fields note, an edit's version fields, the fields, then save (and, for a
 * new record where offered, save and enter the next) and cancel. The activities' and the sheet
 * inputs' forms wrap it with their own wording. A record of a locked fiscal year asks for 訂正の理由
 * above the buttons once the server asks for it (ADR 0025).
 */
export function RecordFormFrame({
  form,
  texts,
  reloadHref,
  edit,
  onChange,
  saveAndNext = false,
  cancelHref,
  className = "max-w-4xl",
  children,
}: {
  form: FramedForm;
  texts: { requiredNote: string; save: string; saveAndNext?: string; cancel: string };
  /** Where the conflict report's reload link goes: this record's edit page. */
  reloadHref: string;
  edit?: EditedRecord;
  onChange?: (event: FormEvent<HTMLFormElement>) => void;
  saveAndNext?: boolean;
  cancelHref: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} onKeyDown={enterSubmits} onChange={onChange} className={clsx(className, "space-y-6")} noValidate>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={reloadHref} />
      <p className="text-sm text-slate-700">{texts.requiredNote}</p>
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
          <input type="hidden" name="base" value={edit.base} />
        </>
      )}
      {children}
      {asksRestatementReason(form.state) && <RestatementReasonField state={form.state} />}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{texts.save}</SubmitButton>
        {saveAndNext && texts.saveAndNext && (
          <SubmitButton variant="secondary" name="next" value="new">
            {texts.saveAndNext}
          </SubmitButton>
        )}
        <ButtonLink href={cancelHref} variant="ghost">
          {texts.cancel}
        </ButtonLink>
      </div>
    </form>
  );
}
