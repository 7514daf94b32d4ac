"use client";
import { useId, useState, type ReactNode } from "react";
import type { SchemaLoader } from "@/lib/validation/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useI18n } from "@/lib/i18n/client";
import { ConfirmDeleteForm } from "./confirm-delete-form";
import type { FormAction } from "./use-checked-form";

/**
 * The 訂正 button of one logged row (a contact, an activity) and its dialog: the correction form
 * (`children`) and, below it, the delete of a row logged by mistake (ADR 0019). Deleting is two
 * steps: the delete button opens a confirming step that names the record, with the focus on
 * 削除しない, so one slip of a click or of Enter never removes a record. The correction form is
 * only hidden meanwhile, so what was typed in it is still there after 削除しない. Mounted only
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
  /** `deleteName` names the record in the confirming step (「2024/06/04の電話」). */
  texts: { open: string; openAria: string; title: string; description: string; deleteHeading: string; deleteBody: string; deleteConfirm: string; deleteName: string };
  deletion: { action: FormAction; schema: SchemaLoader; hidden: Record<string, string | number> };
  children: ReactNode;
}) {
  return (
    <Dialog triggerLabel={texts.open} triggerAriaLabel={texts.openAria} triggerVariant="secondary" triggerSize="sm" title={texts.title} description={texts.description} lazy>
      <CorrectOrDelete rowId={rowId} texts={texts} deletion={deletion}>
        {children}
      </CorrectOrDelete>
    </Dialog>
  );
}

function CorrectOrDelete({ rowId, texts, deletion, children }: Parameters<typeof CorrectRecordDialog>[0]) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const headingId = `delete-${rowId}`;
  const confirmId = useId();
  return (
    <>
      <div hidden={confirming}>{children}</div>
      {confirming ? (
        <section aria-labelledby={confirmId} className="space-y-3">
          <h3 id={confirmId} className="text-base font-semibold text-slate-900">
            {t("ui.deleteStep.title")}
          </h3>
          <p className="text-sm text-slate-800">{t("ui.deleteStep.body", { what: texts.deleteName })}</p>
          <ConfirmDeleteForm
            action={deletion.action}
            schema={deletion.schema}
            hidden={deletion.hidden}
            confirmLabel={t("ui.deleteStep.confirm")}
            cancel={false}
            back={{ label: t("ui.deleteStep.cancel"), onClick: () => setConfirming(false) }}
          />
        </section>
      ) : (
        <section aria-labelledby={headingId} className="mt-6 space-y-2 border-t border-slate-200 pt-4">
          <h3 id={headingId} className="text-sm font-semibold text-slate-900">
            {texts.deleteHeading}
          </h3>
          <p className="text-sm text-slate-700">{texts.deleteBody}</p>
          <div className="flex justify-end">
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {texts.deleteConfirm}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
