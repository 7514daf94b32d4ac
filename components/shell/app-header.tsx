import { signOutAction } from "@/app/actions";
import { navItemsFor } from "@/lib/auth/navigation";
import { countRemindersForActor } from "@/lib/dal/reminders";
import { requireActor } from "@/lib/dal/session";
import { listScopeOf } from "@/lib/list-url";
import { ROLE_LABELS } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { fiscalYearOptions } from "@/lib/preferences";
import type { Label, Role } from "@/lib/domain/codes";
import { FiscalYearSelect } from "./fiscal-year-select";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";

type Props = { displayName: string; role: Role; prefectureName: Label; fiscalYear: number };

export async function AppHeader({ displayName, role, prefectureName, fiscalYear }: Props) {
  const t = await getT();
  const locale = await getLocale();
  const roleLabel = ROLE_LABELS[role][locale];
  const items = navItemsFor(role);
  // The reminders badge: overdue or due within 7 days, in the view the schedule opens by default.
  const scheduleCount = items.some((i) => i.badge === "schedule")
    ? await requireActor().then((actor) => countRemindersForActor(actor, listScopeOf(undefined, actor.role)).total)
    : 0;
  return (
    <header className="bg-teal-800 text-white shadow print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
        <div className="flex items-baseline gap-2">
          <span className="text-xl font-bold tracking-wide">{t("app.name")}</span>
          <span className="text-sm text-teal-100">{t("app.tagline")}</span>
          <span className="rounded bg-teal-900 px-2 py-0.5 text-xs text-teal-50">{prefectureName[locale]}</span>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <div className="rounded-md bg-white px-2 py-1">
            <FiscalYearSelect value={fiscalYear} options={fiscalYearOptions()} />
          </div>
          <LanguageSwitch />
          <p className="text-sm text-teal-50" data-testid="signed-in-as">
            {t("nav.signedInAs", { name: displayName, role: roleLabel })}
          </p>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md border border-white/70 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 pb-2">
        <MainNav label={t("nav.label")} items={items.map((i) => ({
            href: i.href,
            label: t(i.labelKey),
            badge: i.badge === "schedule" && scheduleCount > 0 ? { count: scheduleCount, hint: t("schedule.navBadge", { n: scheduleCount }) } : undefined,
          }))} />
      </div>
    </header>
  );
}
