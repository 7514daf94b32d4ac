import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { requireActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { getSelectedFiscalYear } from "@/lib/preferences";

/** The signed-in shell: every page below needs an actor, so an ended session lands on /login. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getT();
  return (
    <>
      <a
        href="#main"
        className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-teal-900"
      >
        {t("app.skipToContent")}
      </a>
      {/* Printed pages carry their content only: no menu, header or forms. */}
      <div className="print:hidden">
        <AppHeader
          displayName={actor.displayName}
          role={actor.role}
          prefectureName={actor.prefectureName}
          fiscalYear={await getSelectedFiscalYear()}
        />
      </div>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
