"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";
import { safeLocalPath } from "@/lib/safe-path";
import { FISCAL_YEAR_COOKIE, fiscalYearOptions } from "@/lib/preferences";
import { getActor, getPasswordChangeActor } from "@/lib/dal/session";
import { signOutSession } from "@/lib/dal/auth";
import { signOut } from "@/lib/auth/auth";

const YEAR = 60 * 60 * 24 * 365;

/** Back to the page the form was on; only its path is kept, so it cannot lead off-site. */
async function backToReferrer(): Promise<never> {
  const referer = (await headers()).get("referer");
  let path: string | undefined;
  try {
    if (referer) {
      const url = new URL(referer);
      path = url.pathname + url.search;
    }
  } catch {
    // a malformed Referer just sends the user home
  }
  redirect(safeLocalPath(path));
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(String(formData.get("locale"))), { path: "/", maxAge: YEAR, sameSite: "lax" });
  await backToReferrer();
}

export async function setFiscalYearAction(formData: FormData): Promise<void> {
  const fy = Number(formData.get("fy"));
  if (fiscalYearOptions().includes(fy)) {
    (await cookies()).set(FISCAL_YEAR_COOKIE, String(fy), { path: "/", maxAge: YEAR, sameSite: "lax" });
  }
  await backToReferrer();
}

export async function signOutAction(): Promise<void> {
  // A one-time-password session (ADR 0039) has no Actor but is revoked all the same.
  const actor = (await getActor()) ?? (await getPasswordChangeActor());
  if (actor?.sessionId) signOutSession(actor, actor.sessionId);
  await signOut({ redirectTo: "/login?signedOut=1" });
}
