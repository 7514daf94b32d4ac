"use client";
import { useActionState } from "react";
import { CheckboxGroup, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState, type FormState } from "@/lib/validation/form";

type Props = {
  mode: "create" | "edit";
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  offices: { id: string; name: string }[];
  user?: { id: string; version: number; username: string; displayName: string; role: Role; officeIds: string[]; /** The loaded values (JSON): a stale save lists only what someone else changed. */ base: string };
};

/** One form for creating and editing, so both show the same fields, rules and messages. */
export function UserForm({ mode, action, offices, user }: Props) {
  const { t, locale } = useI18n();
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const text = (name: string, fallback?: string) => (typeof v?.[name] === "string" ? (v[name] as string) : fallback);
  const selectedOffices = Array.isArray(v?.officeIds) ? v.officeIds : (user?.officeIds ?? []);
  const e = state.fieldErrors ?? {};

  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      {user && (
        <>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <input type="hidden" name="base" value={user.base} />
        </>
      )}
      {mode === "create" ? (
        <TextField label={t("users.username")} name="username" required autoComplete="off" hint={t("users.usernameHint")} defaultValue={text("username")} error={e.username} />
      ) : (
        <p>
          <span className="font-medium">{t("users.username")}</span>: <code>{user?.username}</code>
        </p>
      )}
      <TextField label={t("users.displayName")} name="displayName" required defaultValue={text("displayName", user?.displayName)} error={e.displayName} />
      <SelectField
        label={t("users.role")}
        name="role"
        required
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] }))}
        defaultValue={text("role", user?.role)}
        placeholder="—"
        error={e.role}
      />
      <CheckboxGroup
        legend={t("users.offices")}
        name="officeIds"
        hint={t("users.officesHint")}
        options={offices.map((o) => ({ value: o.id, label: o.name }))}
        defaultValues={selectedOffices}
        error={e.officeIds}
      />
      {mode === "create" && (
        <TextField label={t("users.password")} name="password" type="password" required autoComplete="new-password" hint={t("users.passwordHint")} error={e.password} />
      )}
      <SubmitButton>{mode === "create" ? t("users.create") : t("users.save")}</SubmitButton>
    </form>
  );
}
