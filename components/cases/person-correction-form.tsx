"use client";
import { PersonFields } from "@/components/cases/intake-fields";
import { ConflictMessage } from "@/components/forms/conflict-message";
import { FormSection } from "@/components/forms/form-section";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import type { FormState } from "@/lib/validation/form";

type Option = { value: string; label: string };
export type PersonCorrectionState = FormState & { conflictLines?: string[] };

const initialState: PersonCorrectionState = { ok: false };

/**
 * The person's fields loaded with the stored values, for a correction from the page of one of
 * their records (a discharge-support case or an outreach case: `from`, and the field labels of
 * that record's form, `messages`). A save over a newer version of the person is refused by the
 * server, which names each field someone else changed; what was typed stays in the form.
 */
export function PersonCorrectionForm({
  action,
  messages,
  from,
  recordId,
  version,
  base,
  defaults,
  municipalities,
  recordHref,
}: {
  action: (prev: PersonCorrectionState, formData: FormData) => Promise<PersonCorrectionState>;
  messages: "caseForm" | "outreach.form";
  from: "case" | "outreach";
  recordId: string;
  version: number;
  /** JSON of the stored values the form was loaded with. */
  base: string;
  /** The stored values as the fields show them (a date as 1970/05/01, "" for none). */
  defaults: Record<string, string>;
  municipalities: Option[];
  /** The record page: cancel goes back there. */
  recordHref: string;
}) {
  const { t } = useI18n();
  const { state, formAction, onSubmit, errors, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, () => import("@/lib/validation/person").then((m) => m.PersonCorrectionSchema), { initial: initialState });
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="max-w-4xl space-y-6" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? (
          <ConflictMessage title={t("personCorrection.conflict.title")} lines={conflictLines} reloadHref={`${recordHref}/person`} reloadLabel={t("personCorrection.conflict.reload")} />
        ) : (
          message && <FormMessage tone="error">{message}</FormMessage>
        )}
      </div>
      <p className="text-sm text-slate-700">{t("personCorrection.note")}</p>
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="base" value={base} />
      <FormSection title={t(`${messages}.sections.person`)} note={t("caseForm.sections.personNote")}>
        <PersonFields messages={messages} text={(name) => value(name, defaults[name])} errors={errors} municipalities={municipalities} />
      </FormSection>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("personCorrection.save")}</SubmitButton>
        <ButtonLink href={recordHref} variant="secondary">
          {t("personCorrection.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
