import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FormMessage } from "@/components/ui/field";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { isDemoDatabase } from "@/lib/dal/demo-data";
import { getActor, getPasswordChangeActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = firstValues(await searchParams);
  if (await getActor()) redirect("/");
  if (await getPasswordChangeActor()) redirect("/change-password");
  const t = await getT();
  // The demo password is hinted only in a database that holds demo data (ADR 0038).
  const showDemo = isDemoDatabase();

  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <LanguageSwitch />
      </div>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 pb-12">
        <div className="mb-6 text-center">
          <p className="text-4xl font-bold tracking-wide text-teal-800">{t("app.name")}</p>
          <p className="mt-1 text-slate-700">{t("auth.lead")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{t("auth.title")}</h1>
          {params.signedOut && <div className="mb-4"><FormMessage tone="success">{t("auth.signedOut")}</FormMessage></div>}
          {params.reason === "ended" && <div className="mb-4"><FormMessage tone="info">{t("auth.sessionEnded")}</FormMessage></div>}
          {params.reason === "pendingEnded" && <div className="mb-4"><FormMessage tone="info">{t("twofa.pendingEnded")}</FormMessage></div>}
          {params.reason === "twofaTooMany" && <div className="mb-4"><FormMessage tone="error">{t("twofa.tooMany")}</FormMessage></div>}
          {params.reason === "locked" && <div className="mb-4"><FormMessage tone="error">{t("auth.locked")}</FormMessage></div>}
          {params.reason === "passwordChanged" && <div className="mb-4"><FormMessage tone="success">{t("approvals.mustChange.done")}</FormMessage></div>}
          <LoginForm next={params.next} />
        </div>
        <p className="mt-4 text-sm text-slate-700">{t("auth.privacy")}</p>
        {showDemo && (
          <section className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <h2 className="font-semibold">{t("auth.demoTitle")}</h2>
            <p>{t("auth.demoBody")}</p>
          </section>
        )}
      </main>
    </div>
  );
}
