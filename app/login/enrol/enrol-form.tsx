"use client";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { initialFormState } from "@/lib/validation/form";
import { confirmEnrolmentAction, finishEnrolmentAction, type EnrolState } from "../actions";
import { RecoveryCodeList } from "./recovery-code-list";

/**
 * Scan, confirm with a code, then the recovery codes (shown once, from the action's answer) and
 * "continue", which completes the sign-in. `enrolment` is null when the codes were shown before.
 */
export function EnrolForm({ next, enrolment }: { next?: string; enrolment: { secret: string; qrSvg: string } | null }) {
  const { t } = useI18n();
  const [state, confirm] = useActionState<EnrolState, FormData>(confirmEnrolmentAction, initialFormState);
  const [finishState, finish] = useActionState(finishEnrolmentAction, initialFormState);
  const codes = state.recoveryCodes;

  if (codes || !enrolment) {
    return (
      <div className="space-y-4">
        {finishState.message && <FormMessage tone="error">{finishState.message}</FormMessage>}
        {codes ? (
          <section aria-labelledby="recovery-title" className="space-y-3">
            <h2 id="recovery-title" className="text-lg font-semibold">
              {t("twofa.recoveryTitle")}
            </h2>
            <p className="text-sm text-slate-700">{t("twofa.recoveryLead")}</p>
            <RecoveryCodeList codes={codes} />
          </section>
        ) : (
          <FormMessage tone="info">{t("twofa.recoveryShownBefore")}</FormMessage>
        )}
        <form action={finish}>
          <input type="hidden" name="next" value={next ?? ""} />
          <SubmitButton pendingLabel={t("auth.submitting")}>{t("twofa.continue")}</SubmitButton>
        </form>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("twofa.enrolLead")}</p>
      <p className="text-sm">{t("twofa.enrolStep1")}</p>
      <div
        role="img"
        aria-label={t("twofa.qrAlt")}
        className="mx-auto w-48 [&>svg]:h-auto [&>svg]:w-full"
        // The SVG is drawn by the qrcode library on the server from our own otpauth URI: no user input.
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p className="text-sm">
        {t("twofa.secretLabel")}:{" "}
        <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-1 font-mono">
          {enrolment.secret}
        </code>
      </p>
      <p className="text-sm">{t("twofa.enrolStep2")}</p>
      <form action={confirm} className="space-y-4" noValidate>
        {state.message && <FormMessage tone="error">{state.message}</FormMessage>}
        <input type="hidden" name="next" value={next ?? ""} />
        <TextField
          label={t("twofa.enrolCodeLabel")}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={64}
          error={state.fieldErrors?.code}
        />
        <SubmitButton pendingLabel={t("auth.submitting")}>{t("twofa.enrolSubmit")}</SubmitButton>
      </form>
    </div>
  );
}
