"use client";
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";

export function Spinner({ className }: { className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      className={`size-4 shrink-0 animate-spin ${className ?? ""}`}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/** A submit button that shows the form is being processed and blocks double submission. */
export function SubmitButton({
  children,
  variant,
  size,
  name,
  value,
  pendingLabel,
  disabled,
  className,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  name?: string;
  value?: string;
  pendingLabel?: string;
  disabled?: boolean;
  className?: string;
}) {
  const { pending } = useFormStatus();
  const { t } = useI18n();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClasses({ variant, size, className })}
    >
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
      {pending && !pendingLabel && <span className="sr-only">{t("ui.processing")}</span>}
    </button>
  );
}
