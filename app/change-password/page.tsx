import type { Metadata } from "next";
import { FormMessage } from "@/components/ui/field";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePasswordChangeActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { signOutAction } from "../actions";
import { PasswordForm } from "../(app)/account/password-form";
import { changeOneTimePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("approvals.mustChange.title") };
}

/**
 * Where a session with a one-time (admin-set) password lands from every page (ADR 0039): outside the
 * signed-in shell, since such a session has no Actor and may do nothing else.
 */
export default async function ChangePasswordPage() {
  const actor = await requirePasswordChangeActor();
  const t = await getT();
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <LanguageSwitch />
      </div>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 pb-12">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{t("approvals.mustChange.title")}</h1>
          <div className="mb-4">
            <FormMessage tone="info">{t("approvals.mustChange.body")}</FormMessage>
          </div>
          <p className="mb-4 text-sm text-slate-700">
            {actor.displayName}（<code>{actor.username}</code>）
          </p>
          <PasswordForm onSubmit={changeOneTimePasswordAction} />
        </div>
        <form action={signOutAction} className="mt-4">
          <SubmitButton variant="secondary">{t("approvals.mustChange.signOut")}</SubmitButton>
        </form>
      </main>
    </div>
  );
}
