"use client";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState } from "@/lib/validation/form";
import { verifyCodeAction } from "../actions";

export function CodeForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const [state, action] = useActionState(verifyCodeAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField
        label={t("twofa.codeLabel")}
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        hint={t("twofa.codeHint")}
        required
        autoFocus
        maxLength={64}
        error={state.fieldErrors?.code}
      />
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("twofa.codeSubmit")}</SubmitButton>
      <p className="text-sm">
        <a className="text-teal-800 underline" href="/login">
          {t("twofa.startOver")}
        </a>
      </p>
    </form>
  );
}
