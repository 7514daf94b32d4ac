"use client";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState } from "@/lib/validation/form";
import { RecoveryCodeList } from "@/app/login/enrol/recovery-code-list";
import { regenerateRecoveryCodesAction, type RegenerateState } from "./second-factor-actions";

export function RegenerateCodesForm() {
  const { t } = useI18n();
  const [state, action] = useActionState<RegenerateState, FormData>(regenerateRecoveryCodesAction, initialFormState);
  if (state.recoveryCodes) {
    return (
      <div className="max-w-md space-y-3">
        <FormMessage tone="success">{state.message}</FormMessage>
        <p className="text-sm text-slate-700">{t("twofa.recoveryLead")}</p>
        <RecoveryCodeList codes={state.recoveryCodes} />
      </div>
    );
  }
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <p className="text-sm text-slate-700">{t("twofa.regenerateLead")}</p>
      {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <TextField label={t("twofa.enrolCodeLabel")} name="code" autoComplete="one-time-code" inputMode="numeric" required maxLength={64} error={state.fieldErrors?.code} />
      <SubmitButton variant="secondary">{t("twofa.regenerateSubmit")}</SubmitButton>
    </form>
  );
}
