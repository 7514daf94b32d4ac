"use client";
import type { ReactNode } from "react";
import type { z } from "zod";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmDeleteForm } from "./confirm-delete-form";
import type { FormAction } from "./use-checked-form";

/**
 * The 訂正 button of one logged row (a contact, an activity) and its dialog: the correction form
 * (`children`) and, below it, the delete of a row logged by mistake (ADR 0019). Mounted only
 * while open, so a long list carries no hidden form per row; each opening starts from the row as
 * the page now shows it.
 */
export function CorrectRecordDialog({
  rowId,
  texts,
  deletion,
  children,
}: {
  rowId: string;
  texts: { open: string; openAria: string; title: string; description: string; deleteHeading: string; deleteBody: string; deleteConfirm: string };
  deletion: { action: FormAction; schema: z.ZodType; hidden: Record<string, string | number> };
  children: ReactNode;
}) {
  const headingId = `delete-${rowId}`;
  return (
    <Dialog triggerLabel={texts.open} triggerAriaLabel={texts.openAria} triggerVariant="secondary" triggerSize="sm" title={texts.title} description={texts.description} lazy>
      {children}
      <section aria-labelledby={headingId} className="mt-6 space-y-2 border-t border-slate-200 pt-4">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {texts.deleteHeading}
        </h3>
        <p className="text-sm text-slate-700">{texts.deleteBody}</p>
        <ConfirmDeleteForm action={deletion.action} schema={deletion.schema} hidden={deletion.hidden} confirmLabel={texts.deleteConfirm} cancel={false} />
      </section>
    </Dialog>
  );
}
