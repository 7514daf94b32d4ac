"use client";
import clsx from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { textLimit, type TextKind } from "@/lib/validation/text-limits";
import { focusRing } from "./button";

/** Shared by every text-like control so inputs, selects and textareas line up in a form. */
export const inputClass = clsx(
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
  "placeholder:text-slate-500 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600",
  "focus-visible:border-focus",
  focusRing,
);
const inputBorder = (invalid: boolean) => (invalid ? "border-red-700" : "border-slate-500");
const labelClass = "flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800";
const hintClass = "text-sm text-slate-600";

/** Space-separated ids for aria-describedby, or undefined so the attribute is left out entirely. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(" ") : undefined;
}

function RequiredBadge() {
  const { t } = useI18n();
  return (
    <span className="rounded-sm bg-red-700 px-1.5 py-px text-xs leading-tight font-medium text-white">
      {t("ui.required")}
    </span>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className={hintClass}>
      {children}
    </p>
  );
}

/**
 * The live region is always rendered (even when empty) so a screen reader announces an
 * error that appears after the server action returns.
 */
function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite">
      {error ? (
        <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <ErrorIcon />
          <span>
            <span className="sr-only">{t("ui.errorPrefix")}</span>
            {error}
          </span>
        </p>
      ) : null}
    </div>
  );
}

function ErrorIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
      <path
        fillRule="evenodd"
        d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/** A field's ids: the control's own, and those of its hint and its error (aria-describedby). */
function fieldIds(name: string, id: string | undefined) {
  const fieldId = id ?? `field-${name}`;
  return { fieldId, hintId: `${fieldId}-hint`, errorId: `${fieldId}-error` };
}

/** The control's state for assistive technology: required, invalid, and what describes it. */
function controlAria(ids: ReturnType<typeof fieldIds>, { hint, error, required }: { hint?: string; error?: string; required?: boolean }) {
  return {
    "aria-required": required || undefined,
    "aria-invalid": !!error,
    "aria-describedby": describedBy(hint && ids.hintId, error && ids.errorId),
  };
}

/** What every single-control field shows around its control: the label (with 必須), the hint, and the error. */
function FieldFrame({ ids, label, required, hint, error, children }: { ids: ReturnType<typeof fieldIds>; label: string; required?: boolean; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={ids.fieldId} className={labelClass}>
        {label}
        {required && <RequiredBadge />}
      </label>
      {hint && <Hint id={ids.hintId}>{hint}</Hint>}
      {children}
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

/**
 * The hint of a free-text field of a kind (lib/validation/fields.ts): its limit, stated the same
 * way in every form (「2000文字まで」), after the field's own hint. The limit is not enforced by
 * the browser's maxLength, which would cut a pasted text silently: the check says so instead.
 */
function useLimitHint(hint: string | undefined, textKind: TextKind | undefined): string | undefined {
  const { t } = useI18n();
  if (!textKind) return hint;
  const limit = t("ui.maxChars", { max: textLimit(textKind) });
  return hint ? `${hint} ${limit}` : limit;
}

type FieldBase = {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  required?: boolean;
  id?: string;
  disabled?: boolean;
};

/**
 * `required` is announced (aria-required and the badge) but not enforced by the browser:
 * the server action's validation gives the same message in the user's language either way.
 */
export function TextField({
  label,
  name,
  type = "text",
  defaultValue,
  error,
  hint: ownHint,
  required,
  autoComplete,
  inputMode,
  placeholder,
  maxLength,
  textKind,
  autoFocus,
  id,
  disabled,
}: FieldBase & {
  /** A free-text field's kind: its limit is stated in the hint (ADR 0031). */
  textKind?: TextKind;
  type?: ComponentProps<"input">["type"];
  defaultValue?: string | number;
  autoComplete?: ComponentProps<"input">["autoComplete"];
  inputMode?: ComponentProps<"input">["inputMode"];
  placeholder?: string;
  maxLength?: number;
  autoFocus?: boolean;
}) {
  const ids = fieldIds(name, id);
  const hint = useLimitHint(ownHint, textKind);
  return (
    <FieldFrame ids={ids} label={label} required={required} hint={hint} error={error}>
      <input
        id={ids.fieldId}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={maxLength}
        autoFocus={autoFocus}
        disabled={disabled}
        {...controlAria(ids, { hint, error, required })}
        className={clsx(inputClass, inputBorder(!!error))}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  name,
  defaultValue,
  error,
  hint: ownHint,
  required,
  placeholder,
  maxLength,
  textKind,
  rows = 4,
  id,
  disabled,
}: FieldBase & { defaultValue?: string; placeholder?: string; maxLength?: number; textKind?: TextKind; rows?: number }) {
  const ids = fieldIds(name, id);
  const hint = useLimitHint(ownHint, textKind);
  return (
    <FieldFrame ids={ids} label={label} required={required} hint={hint} error={error}>
      <textarea
        id={ids.fieldId}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        disabled={disabled}
        {...controlAria(ids, { hint, error, required })}
        className={clsx(inputClass, inputBorder(!!error), "resize-y")}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  name,
  options,
  defaultValue,
  error,
  hint,
  required,
  placeholder,
  id,
  disabled,
}: FieldBase & {
  options: { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
}) {
  const ids = fieldIds(name, id);
  return (
    <FieldFrame ids={ids} label={label} required={required} hint={hint} error={error}>
      <select
        // React 19 resets a form after its action and may put a select back on its first
        // option (react#32362); remounting on a new defaultValue makes the reset land on it.
        key={defaultValue ?? ""}
        id={ids.fieldId}
        name={name}
        defaultValue={defaultValue ?? (placeholder !== undefined ? "" : undefined)}
        disabled={disabled}
        {...controlAria(ids, { hint, error, required })}
        className={clsx(inputClass, inputBorder(!!error), "pr-8")}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValues = [],
  error,
  hint,
  required,
  id,
  disabled,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
  error?: string;
  hint?: string;
  required?: boolean;
  id?: string;
  disabled?: boolean;
}) {
  const { fieldId: groupId, hintId, errorId } = fieldIds(name, id);
  return (
    <fieldset
      id={groupId}
      disabled={disabled}
      aria-describedby={describedBy(hint && hintId, error && errorId)}
      className="space-y-1.5"
    >
      <legend className={labelClass}>
        {legend}
        {required && <RequiredBadge />}
      </legend>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      <div className="flex flex-wrap gap-x-5 gap-y-2 pt-0.5">
        {options.map((option, index) => {
          const optionId = `${groupId}-${index}`;
          return (
            <div key={option.value} className="flex items-center gap-2">
              <input
                id={optionId}
                type="checkbox"
                name={name}
                value={option.value}
                defaultChecked={defaultValues.includes(option.value)}
                aria-invalid={!!error}
                className={clsx("size-4 rounded-sm accent-brand-700", focusRing)}
              />
              <label htmlFor={optionId} className="text-sm text-slate-800">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

const messageTones = {
  error: "border-red-300 bg-red-50 text-red-800",
  success: "border-green-300 bg-green-50 text-green-800",
  info: "border-brand-200 bg-brand-50 text-brand-900",
} as const;

/** A form-level banner. Errors interrupt (role="alert"); other outcomes wait their turn. */
export function FormMessage({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={clsx("rounded-md border px-4 py-3 text-sm", messageTones[tone])}
    >
      {children}
    </div>
  );
}
