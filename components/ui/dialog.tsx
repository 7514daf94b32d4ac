"use client";
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

const DialogContext = createContext<{ close(): void } | null>(null);

// Outside a dialog `close` does nothing, so one form component can live in a page and in a dialog.
const noDialog = { close() {} };

/** Lets dialog content (e.g. a form whose action succeeded) close the dialog it is in. */
export function useDialog(): { close(): void } {
  return useContext(DialogContext) ?? noDialog;
}

const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal on the native <dialog>: the browser provides the focus trap, the inert
 * background and Esc, which a hand-rolled overlay would have to reimplement.
 */
export function Dialog({
  triggerLabel,
  triggerVariant = "primary",
  triggerSize,
  triggerAriaLabel,
  title,
  description,
  lazy = false,
  children,
}: {
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  /** A fuller name for assistive technology when the visible label repeats (a row's 訂正). */
  triggerAriaLabel?: string;
  title: string;
  description?: string;
  /**
   * Mount the content only while open: for a dialog per table row (its form would otherwise be
   * in the page once per row). The content starts afresh each time it opens.
   */
  lazy?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  const [isOpen, setOpen] = useState(false);

  // The browser would focus the close button, which comes first; the content's first control
  // (or its autofocus) is where the user wants to start. Lazy content exists only after the
  // render that follows opening, hence an effect.
  const focusContent = useCallback(() => {
    const body = bodyRef.current;
    const target = body?.querySelector<HTMLElement>("[autofocus]") ?? body?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
  }, []);

  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    setOpen(true);
    if (!lazy) focusContent();
  }, [lazy, focusContent]);

  useEffect(() => {
    if (lazy && isOpen) focusContent();
  }, [lazy, isOpen, focusContent]);

  const close = useCallback(() => dialogRef.current?.close(), []);
  const context = useMemo(() => ({ close }), [close]);

  return (
    <>
      <Button ref={triggerRef} variant={triggerVariant} size={triggerSize} onClick={open} aria-haspopup="dialog" aria-label={triggerAriaLabel}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        // Fires for Esc, the close button and useDialog().close() alike.
        onClose={() => {
          setOpen(false);
          triggerRef.current?.focus();
        }}
        className="w-[min(36rem,calc(100vw-2rem))] text-left max-h-[calc(100dvh-4rem)] rounded-md bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <div className="space-y-1">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-sm text-slate-700">
                {description}
              </p>
            )}
          </div>
          <Button variant="ghost" size="sm" onClick={close} className="-mr-2 shrink-0">
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
            {t("ui.close")}
          </Button>
        </div>
        <div ref={bodyRef} className="px-5 py-4">
          <DialogContext.Provider value={context}>{!lazy || isOpen ? children : null}</DialogContext.Provider>
        </div>
      </dialog>
    </>
  );
}

/** A secondary button that closes the surrounding dialog without submitting anything. */
export function DialogCancelButton({ className }: { className?: string }) {
  const { t } = useI18n();
  const { close } = useDialog();
  return (
    <Button variant="secondary" onClick={close} className={className}>
      {t("ui.cancel")}
    </Button>
  );
}
