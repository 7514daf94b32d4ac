"use client";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState, type FormState } from "@/lib/validation/form";
import { changePasswordAction } from "./actions";

/** `onSubmit`: another action with the same form (the one-time password's page, /change-password). */
export function PasswordForm({ onSubmit = changePasswordAction }: { onSubmit?: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const { t } = useI18n();
  const [state, action] = useActionState(onSubmit, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <TextField label={t("account.current")} name="current" type="password" required autoComplete="current-password" error={e.current} />
      <TextField label={t("account.password")} name="password" type="password" required autoComplete="new-password" hint={t("account.passwordHint")} error={e.password} />
      <TextField label={t("account.confirm")} name="confirm" type="password" required autoComplete="new-password" error={e.confirm} />
      <SubmitButton>{t("account.submit")}</SubmitButton>
    </form>
  );
}
