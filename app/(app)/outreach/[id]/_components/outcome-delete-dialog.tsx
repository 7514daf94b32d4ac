"use client";
import { ConfirmDeleteDialog } from "@/components/forms/confirm-delete-form";
import { formatDate } from "@/lib/domain/format";
import { OUTREACH_OUTCOME_LABELS, type OutreachOutcome } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import { deleteOutreachOutcomeAction } from "../actions";

/** Delete an outcome recorded by mistake, after saying which one. */
export function OutcomeDeleteDialog({ caseId, outcome }: { caseId: string; outcome: { id: string; version: number; outcome: OutreachOutcome; date: string } }) {
  const { t, locale } = useI18n();
  const what = { date: formatDate(outcome.date, locale), outcome: OUTREACH_OUTCOME_LABELS[outcome.outcome][locale] };
  return (
    <ConfirmDeleteDialog
      action={deleteOutreachOutcomeAction}
      schema={() => import("@/lib/validation/outreach").then((m) => m.OutreachRecordDeleteSchema)}
      hidden={{ outreachCaseId: caseId, id: outcome.id, version: outcome.version }}
      confirmLabel={t("outreach.detail.outcome.deleteConfirm")}
      texts={{
        trigger: t("outreach.detail.outcome.delete"),
        triggerAriaLabel: t("outreach.detail.outcome.deleteAria", what),
        title: t("outreach.detail.outcome.deleteTitle"),
        body: t("outreach.detail.outcome.deleteBody", what),
        size: "sm",
      }}
    />
  );
}
