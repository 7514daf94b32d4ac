"use server";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { clearPendingToken, readPendingToken, setPendingToken } from "@/lib/auth/pending-cookie";
import { authenticate } from "@/lib/dal/auth";
import { confirmEnrolment, finishEnrolment, verifySignInCode, type CodeFailure } from "@/lib/dal/second-factor";
import { requestIp } from "@/lib/dal/session";
import { safeLocalPath } from "@/lib/safe-path";
import { getT } from "@/lib/i18n/server";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { SignInSchema } from "@/lib/validation/user";
import { FinishEnrolmentSchema, SecondFactorCodeSchema } from "@/lib/validation/second-factor";

/** Only a same-site path may follow sign-in, and never the sign-in page itself. */
function safeNext(next: string | undefined): string {
  const path = safeLocalPath(next);
  return path.startsWith("/login") ? "/" : path;
}

/** Hand the grant to Auth.js, which issues the session and redirects (the redirect travels as an error). */
async function issueSession(grant: string, next: string | undefined): Promise<FormState> {
  try {
    await signIn("credentials", { grant, redirectTo: safeNext(next) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    redirect("/login?reason=pendingEnded");
  }
  return { ok: true };
}

/** Step 1: the password. Then a session (no second factor needed), or the code or enrolment page. */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, SignInSchema, async (input) => {
    const result = await authenticate(input.username, input.password, await requestIp());
    if (!result.ok) {
      const t = await getT();
      const message = result.reason === "locked" ? "auth.locked" : result.reason === "throttled" ? "auth.throttled" : "auth.invalid";
      return { ok: false, message: t(message), values: { username: input.username } };
    }
    if (result.next.stage === "grant") return issueSession(result.next.token, input.next);
    await setPendingToken(result.next.token);
    const next = input.next ? `?next=${encodeURIComponent(safeNext(input.next))}` : "";
    redirect(`/login/${result.next.stage}${next}`);
  });
}

/** A refusal the form shows, or one that ends the pending sign-in (back to the password). */
async function codeRefused(reason: CodeFailure, code: string): Promise<FormState> {
  if (reason === "expired" || reason === "too_many" || reason === "locked") {
    await clearPendingToken();
    redirect(`/login?reason=${reason === "expired" ? "pendingEnded" : reason === "too_many" ? "twofaTooMany" : "locked"}`);
  }
  const t = await getT();
  const key = reason === "replayed" ? "twofa.codeReplayed" : reason === "throttled" ? "auth.throttled" : "twofa.codeWrong";
  return { ok: false, message: t(key), fieldErrors: { code: t(key) }, values: { code } };
}

/** Step 2 for an enrolled account: the TOTP code or a recovery code. */
export async function verifyCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, SecondFactorCodeSchema, async (input) => {
    const result = verifySignInCode(await readPendingToken(), input.code, await requestIp());
    if (!result.ok) return codeRefused(result.reason, "");
    await clearPendingToken();
    return issueSession(result.grant, input.next);
  });
}

export type EnrolState = FormState & { recoveryCodes?: string[] };

/** Enrolment at sign-in: the first code confirms the factor; the recovery codes come back to be shown once. */
export async function confirmEnrolmentAction(_prev: EnrolState, formData: FormData): Promise<EnrolState> {
  return runFormAction(formData, SecondFactorCodeSchema, async (input) => {
    const result = confirmEnrolment(await readPendingToken(), input.code, await requestIp());
    if (!result.ok) return codeRefused(result.reason, "");
    return { ok: true, recoveryCodes: result.recoveryCodes } as EnrolState;
  });
}

/** After the recovery codes: the session. */
export async function finishEnrolmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, FinishEnrolmentSchema, async (input) => {
    const result = finishEnrolment(await readPendingToken(), await requestIp());
    if (!result.ok) return codeRefused(result.reason, "");
    await clearPendingToken();
    return issueSession(result.grant, input.next);
  });
}
