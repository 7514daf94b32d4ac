"use client";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { codeOptions } from "@/lib/domain/codes";
import { PEER_TRAINING_LABELS } from "@/lib/domain/peer-codes";
import { useI18n } from "@/lib/i18n/client";
import { addPeerTrainingAction, removePeerTrainingAction } from "../../actions";

export function AddTrainingDialog({ peerId }: { peerId: string }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("peers.detail.addTraining")} triggerVariant="secondary" title={t("peers.detail.addTrainingTitle")}>
      <AddTrainingForm peerId={peerId} />
    </Dialog>
  );
}

function AddTrainingForm({ peerId }: { peerId: string }) {
  const { t, locale } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(addPeerTrainingAction, () => import("@/lib/validation/peer").then((m) => m.PeerTrainingSchema), { onSuccess: dialog.close });
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="peerId" value={peerId} />
      <SelectField
        id="training-kind"
        label={t("peers.detail.trainingKind")}
        name="kind"
        required
        placeholder={t("peers.form.choose")}
        options={codeOptions(PEER_TRAINING_LABELS, locale)}
        defaultValue={value("kind", "")}
        error={errors.kind}
      />
      <TextField id="training-date" label={t("peers.detail.trainingDate")} name="completedOn" required hint={t("peers.form.dateHint")} defaultValue={value("completedOn", "")} error={errors.completedOn} />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="training-restatement-reason" />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("peers.detail.addTrainingSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

/** Remove a training entered by mistake, after a confirmation. */
export function RemoveTrainingDialog({ peerId, trainingId, label }: { peerId: string; trainingId: string; label: string }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("peers.detail.removeTraining", { training: label })} triggerVariant="ghost" title={t("peers.detail.removeTrainingTitle")} description={label}>
      <RemoveTrainingForm peerId={peerId} trainingId={trainingId} />
    </Dialog>
  );
}

function RemoveTrainingForm({ peerId, trainingId }: { peerId: string; trainingId: string }) {
  const { t } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, message } = useCheckedForm(removePeerTrainingAction, () => import("@/lib/validation/peer").then((m) => m.PeerTrainingRemoveSchema), { onSuccess: dialog.close });
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="peerId" value={peerId} />
      <input type="hidden" name="trainingId" value={trainingId} />
      {/* A training of a locked fiscal year is removed only with a reason, once the server asks (ADR 0025). */}
      {asksRestatementReason(state) && <RestatementReasonField state={state} id={`training-${trainingId}-restatement-reason`} />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton variant="danger">{t("peers.detail.removeTrainingSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
