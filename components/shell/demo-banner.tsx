import { isDemoDatabase } from "@/lib/dal/demo-data";
import { getT } from "@/lib/i18n/server";

/**
 * On every page, signed in or not, while the database carries the demo marker (ADR 0038): nobody
 * should take a demo for the real system, or type a real person's details into it.
 */
export async function DemoBanner() {
  if (!isDemoDatabase()) return null;
  const t = await getT();
  return (
    <div role="note" data-testid="demo-banner" className="border-b-2 border-amber-500 bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-950">
      {t("twofa.demoBanner")}
    </div>
  );
}
