"use client";
import { useActionState } from "react";
import { TextField, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState } from "@/lib/validation/form";
import { signInAction } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const [state, action] = useActionState(signInAction, initialFormState);
  const value = (name: string) => {
    const v = state.values?.[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField
        label={t("auth.username")}
        name="username"
        autoComplete="username"
        required
        autoFocus
        defaultValue={value("username")}
        error={state.fieldErrors?.username}
      />
      <TextField
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel={t("auth.submitting")}>{t("auth.submit")}</SubmitButton>
    </form>
  );
}
