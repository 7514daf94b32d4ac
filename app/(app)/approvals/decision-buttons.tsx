"use client";
import { useActionState } from "react";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { FormMessage, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState } from "@/lib/validation/form";
import { decideAccountChangeAction } from "./actions";

type Props = {
  request: { id: string; kindLabel: string; username: string; displayName: string };
  canApprove: boolean;
  canReject: boolean;
  /** Where to land after the decision (the approvals page, or the admin's user page). */
  back: string;
};

/** Approve and reject, each behind a confirmation dialog; rejecting asks for the reason. */
export function DecisionButtons({ request, canApprove, canReject, back }: Props) {
  const { t } = useI18n();
  const [approveState, approveAction] = useActionState(decideAccountChangeAction, initialFormState);
  const [rejectState, rejectAction] = useActionState(decideAccountChangeAction, initialFormState);
  const names = { name: request.displayName, username: request.username, kind: request.kindLabel };
  const label = `${request.displayName}（${request.username}）`;
  return (
    <div className="flex flex-wrap gap-2">
      {canApprove && (
        <Dialog triggerLabel={t("approvals.approve")} triggerSize="sm" triggerAriaLabel={`${t("approvals.approve")}: ${label}`} title={t("approvals.approveTitle")} description={t("approvals.approveBody", names)}>
          <form action={approveAction} className="space-y-4">
            {approveState.message && <FormMessage tone="error">{approveState.message}</FormMessage>}
            <input type="hidden" name="id" value={request.id} />
            <input type="hidden" name="decision" value="approve" />
            <input type="hidden" name="back" value={back} />
            <div className="flex justify-end gap-2">
              <DialogCancelButton />
              <SubmitButton>{t("approvals.approve")}</SubmitButton>
            </div>
          </form>
        </Dialog>
      )}
      {canReject && (
        <Dialog
          triggerLabel={t("approvals.reject")}
          triggerVariant="secondary"
          triggerSize="sm"
          triggerAriaLabel={`${t("approvals.reject")}: ${label}`}
          title={t("approvals.rejectTitle")}
          description={t("approvals.rejectBody", names)}
        >
          <form action={rejectAction} className="space-y-4" noValidate>
            {rejectState.message && <FormMessage tone="error">{rejectState.message}</FormMessage>}
            <input type="hidden" name="id" value={request.id} />
            <input type="hidden" name="decision" value="reject" />
            <input type="hidden" name="back" value={back} />
            <TextAreaField label={t("approvals.reason")} name="reason" required rows={3} textKind="reason" error={rejectState.fieldErrors?.reason} />
            <div className="flex justify-end gap-2">
              <DialogCancelButton />
              <SubmitButton variant="danger">{t("approvals.reject")}</SubmitButton>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
