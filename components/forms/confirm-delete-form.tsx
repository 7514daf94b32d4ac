"use client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancelButton } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SchemaLoader } from "@/lib/validation/client";
import { asksRestatementReason, RestatementReasonField } from "./restatement-reason-field";
import { useCheckedForm, type FormAction } from "./use-checked-form";

type Hidden = Record<string, string | number>;

/**
 * The confirming step of a delete: the record's id and the version the page showed go as hidden
 * fields (so a record changed since is never removed unseen), the server's refusal shows above
 * the buttons, and on success the dialog closes (the page re-renders without the record).
 */
export function ConfirmDeleteForm({
  action,
  schema,
  hidden,
  confirmLabel,
  cancel = true,
  back,
}: {
  action: FormAction;
  schema: SchemaLoader;
  hidden: Hidden;
  confirmLabel: string;
  /** Off where the dialog already has a cancel button for another form. */
  cancel?: boolean;
  /** A step back instead of closing (a confirming step inside another dialog): it takes the focus first. */
  back?: { label: string; onClick: () => void };
}) {
  const { formAction, onSubmit, message, messageRef, state } = useCheckedForm(action, schema);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* A record of a locked fiscal year is deleted only with a reason, once the server asks (ADR 0025). */}
      {asksRestatementReason(state) && <RestatementReasonField state={state} />}
      <div className="flex justify-end gap-2">
        {cancel && <DialogCancelButton />}
        {back && (
          // The safe choice is the default: Enter or a stray click right away deletes nothing.
          <Button variant="secondary" onClick={back.onClick} autoFocus>
            {back.label}
          </Button>
        )}
        <SubmitButton variant="danger">{confirmLabel}</SubmitButton>
      </div>
    </form>
  );
}

/** A delete button that asks first, in a dialog that says what will be deleted. */
export function ConfirmDeleteDialog({
  texts,
  ...form
}: {
  action: FormAction;
  schema: SchemaLoader;
  hidden: Hidden;
  confirmLabel: string;
  texts: { trigger: string; triggerAriaLabel?: string; title: string; body: string; size?: "sm" | "md" };
}) {
  return (
    <Dialog triggerLabel={texts.trigger} triggerAriaLabel={texts.triggerAriaLabel} triggerVariant="secondary" triggerSize={texts.size} title={texts.title} description={texts.body} lazy>
      <ConfirmDeleteForm {...form} />
    </Dialog>
  );
}
