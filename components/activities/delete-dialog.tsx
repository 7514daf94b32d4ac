"use client";
import { useCheckedForm, type FormAction } from "@/components/forms/use-checked-form";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { ActivityDeleteSchema } from "@/lib/validation/activities";

/** Delete after an explicit confirmation; the version seen is sent, so a newer save is never removed unseen. */
export function DeleteDialog({ action, id, version, title }: { action: FormAction; id: string; version: number; title: string }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("activities.common.delete")} triggerVariant="secondary" title={t("activities.common.deleteDialog.title")} description={t("activities.common.deleteDialog.body", { title })}>
      <DeleteForm action={action} id={id} version={version} />
    </Dialog>
  );
}

function DeleteForm({ action, id, version }: { action: FormAction; id: string; version: number }) {
  const { t } = useI18n();
  const { formAction, onSubmit, message, messageRef } = useCheckedForm(action, ActivityDeleteSchema);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton variant="danger">{t("activities.common.deleteDialog.confirm")}</SubmitButton>
      </div>
    </form>
  );
}
