"use client";
import { useActionState } from "react";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState } from "@/lib/validation/form";
import { resetPasswordAction, resetSecondFactorAction, setUserActiveAction, unlockUserAction } from "./actions";

type Props = { user: { id: string; version: number; username: string; displayName: string; active: boolean; locked: boolean; enrolled: boolean } };

/** The account-level operations, each behind a confirmation dialog. */
export function UserActionsPanel({ user }: Props) {
  const { t } = useI18n();
  const [activeState, activeAction] = useActionState(setUserActiveAction, initialFormState);
  const [resetState, resetAction] = useActionState(resetPasswordAction, initialFormState);
  const [unlockState, unlockAction] = useActionState(unlockUserAction, initialFormState);
  const [factorState, factorAction] = useActionState(resetSecondFactorAction, initialFormState);
  const names = { name: user.displayName, username: user.username };

  return (
    <div className="flex flex-wrap gap-3">
      <Dialog
        triggerLabel={user.active ? t("users.deactivate") : t("users.reactivate")}
        triggerVariant={user.active ? "danger" : "secondary"}
        title={user.active ? t("users.deactivateTitle") : t("users.reactivateTitle")}
        description={t(user.active ? "users.deactivateBody" : "users.reactivateBody", names)}
      >
        <form action={activeAction} className="space-y-4">
          {activeState.message && <FormMessage tone="error">{activeState.message}</FormMessage>}
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <div className="flex justify-end gap-2">
            <DialogCancelButton />
            <SubmitButton variant={user.active ? "danger" : "primary"}>{t("users.confirm")}</SubmitButton>
          </div>
        </form>
      </Dialog>

      <Dialog triggerLabel={t("users.resetPassword")} triggerVariant="secondary" title={t("users.resetPasswordTitle")} description={t("users.resetPasswordBody")}>
        <form action={resetAction} className="space-y-4" noValidate>
          {resetState.message && <FormMessage tone="error">{resetState.message}</FormMessage>}
          <input type="hidden" name="id" value={user.id} />
          <TextField label={t("users.newPassword")} name="password" type="password" required autoComplete="new-password" hint={t("users.passwordHint")} error={resetState.fieldErrors?.password} />
          <TextField label={t("users.confirmPassword")} name="confirm" type="password" required autoComplete="new-password" error={resetState.fieldErrors?.confirm} />
          <div className="flex justify-end gap-2">
            <DialogCancelButton />
            <SubmitButton>{t("users.confirm")}</SubmitButton>
          </div>
        </form>
      </Dialog>

      {user.enrolled && (
        <Dialog
          triggerLabel={t("approvals.users.resetSecondFactor")}
          triggerVariant="secondary"
          title={t("approvals.users.resetSecondFactorTitle")}
          description={t("approvals.users.resetSecondFactorBody", names)}
        >
          <form action={factorAction} className="space-y-4">
            {factorState.message && <FormMessage tone="error">{factorState.message}</FormMessage>}
            <input type="hidden" name="id" value={user.id} />
            <div className="flex justify-end gap-2">
              <DialogCancelButton />
              <SubmitButton variant="danger">{t("users.confirm")}</SubmitButton>
            </div>
          </form>
        </Dialog>
      )}

      {user.locked && (
        <form action={unlockAction}>
          {unlockState.message && <FormMessage tone="error">{unlockState.message}</FormMessage>}
          <input type="hidden" name="id" value={user.id} />
          <SubmitButton variant="secondary">{t("users.unlock")}</SubmitButton>
        </form>
      )}
    </div>
  );
}
