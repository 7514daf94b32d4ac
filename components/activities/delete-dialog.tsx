"use client";
import { ConfirmDeleteDialog } from "@/components/forms/confirm-delete-form";
import type { FormAction } from "@/components/forms/use-checked-form";
import { useI18n } from "@/lib/i18n/client";

/** Delete after an explicit confirmation; the version seen is sent, so a newer save is never removed unseen. */
export function DeleteDialog({ action, id, version, title }: { action: FormAction; id: string; version: number; title: string }) {
  const { t } = useI18n();
  return (
    <ConfirmDeleteDialog
      action={action}
      schema={() => import("@/lib/validation/activities").then((m) => m.ActivityDeleteSchema)}
      hidden={{ id, version }}
      confirmLabel={t("activities.common.deleteDialog.confirm")}
      texts={{ trigger: t("activities.common.delete"), title: t("activities.common.deleteDialog.title"), body: t("activities.common.deleteDialog.body", { title }) }}
    />
  );
}
