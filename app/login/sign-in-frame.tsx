import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getT } from "@/lib/i18n/server";

/** The frame of the sign-in steps (password, code, enrolment): no app shell, a language switch. */
export async function SignInFrame({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const t = await getT();
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <LanguageSwitch />
      </div>
      <main id="main" className={`mx-auto w-full ${wide ? "max-w-xl" : "max-w-md"} flex-1 px-4 pb-12`}>
        <div className="mb-6 text-center">
          <p className="text-4xl font-bold tracking-wide text-teal-800">{t("app.name")}</p>
          <p className="mt-1 text-slate-700">{t("auth.lead")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
