import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, StatCard } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { navItemsFor } from "@/lib/auth/navigation";
import { OFFICE_REACH, ROLE_PERMISSIONS, can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/dal/session";
import { getCaseSummaryForActor } from "@/lib/dal/case-list";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { countOpenOutreachForActor } from "@/lib/dal/outreach-list";
import { countDueDispatchesForActor } from "@/lib/dal/peer-dispatch-list";
import { countRemindersForActor, listRemindersForActor, REMINDER_BADGE_DAYS } from "@/lib/dal/reminders";
import { listScopeOf } from "@/lib/list-url";
import { ReminderList } from "./schedule/_components/reminder-list";
import { countActiveUsersForActor } from "@/lib/dal/users";
import { countPendingAccountChangesForActor } from "@/lib/dal/account-changes";
import { getHeadlineFiguresForActor } from "@/lib/dal/indicators";
import { formatFigure } from "@/lib/domain/indicators/format";
import { currentFiscalYear, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { ROLE_LABELS } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("home.title") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const pendingApprovals = countPendingAccountChangesForActor(actor);
  const t = await getT();
  const locale = await getLocale();
  const scope = getScopeSummaryForActor(actor);
  const prefectureWide = OFFICE_REACH[actor.role] === "prefecture";
  const shortcuts = navItemsFor(actor.role).filter((i) => i.href !== "/");
  const work = can(actor.role, "read:case:reach") ? getCaseSummaryForActor(actor) : null;
  // Prefecture staff start from the year's figures (office staff from their caseload below).
  const thisYear = currentFiscalYear();
  const headlines = can(actor.role, "read:aggregate:prefecture") ? getHeadlineFiguresForActor(actor, thisYear, ["C1", "C2", "A9", "A10"]) : null;
  // The next few of 今後の予定 (the view the schedule opens by default), with the menu badge's count.
  const scheduleScope = listScopeOf(undefined, actor.role);
  const upcoming = work
    ? {
        counts: countRemindersForActor(actor, scheduleScope),
        next: listRemindersForActor(actor, scheduleScope, REMINDER_BADGE_DAYS).items.slice(0, 5),
      }
    : null;
  const workItems = work
    ? [
        { label: t("home.work.openMine"), value: work.openMine, href: "/cases?scope=mine" },
        { label: t("home.work.openInReach"), value: work.openInReach, href: "/cases?scope=office" },
        { label: t("home.work.overdueFollowUps"), value: work.overdueFollowUps, href: "/cases?scope=office&flag=overdue_follow_up" },
        { label: t("home.work.overdueReviews"), value: work.overdueReviews, href: "/cases?scope=office&flag=overdue_review" },
        { label: t("home.work.stale"), value: work.stale, href: "/cases?scope=office&flag=stale" },
        { label: t("home.work.noConsent"), value: work.noConsent, href: "/cases?scope=office&flag=no_consent" },
        ...(can(actor.role, "read:outreach:reach")
          ? [{ label: t("home.work.outreachMine"), value: countOpenOutreachForActor(actor).mine, href: "/outreach?scope=mine" }]
          : []),
        ...(can(actor.role, "read:dispatch:reach")
          ? [{ label: t("home.work.dueDispatches"), value: countDueDispatchesForActor(actor), href: "/peers/dispatches?due=1&sort=date&dir=asc" }]
          : []),
      ]
    : [];

  return (
    <div className="space-y-6">
      <PageHeader title={t("home.welcome", { name: actor.displayName })} description={t("app.tagline")} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("home.whoTitle")}>
          <DescriptionList
            items={[
              { term: t("home.displayName"), description: actor.displayName },
              { term: t("home.username"), description: <code>{actor.username}</code> },
              { term: t("home.role"), description: <span data-testid="home-role">{ROLE_LABELS[actor.role][locale]}</span> },
              { term: t("home.prefecture"), description: actor.prefectureName[locale] },
            ]}
          />
        </Card>

        <Card title={t("home.scopeTitle")}>
          {prefectureWide ? (
            <p data-testid="home-scope">
              {t("home.scopePrefectureWide", {
                prefecture: actor.prefectureName[locale],
                offices: scope.offices.length,
                municipalities: scope.municipalityCount,
              })}
            </p>
          ) : (
            <DescriptionList
              items={[
                {
                  term: t("home.scopeOffices"),
                  description: (
                    <ul className="space-y-1" data-testid="home-scope">
                      {scope.offices.map((o) => (
                        <li key={o.id} className="flex flex-wrap items-center gap-2">
                          <Link href={`/offices/${o.id}`} className="text-teal-800 underline underline-offset-2 hover:text-teal-950">
                            {o.name}
                          </Link>
                          <Badge tone={o.assigned ? "info" : "neutral"}>{o.assigned ? t("home.assigned") : t("home.branchReach")}</Badge>
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { term: t("home.scopeRegions"), description: scope.regionNames.join("、") },
                { term: t("home.scopeMunicipalities"), description: String(scope.municipalityCount) },
              ]}
            />
          )}
        </Card>
      </div>

      {work && (
        <section aria-labelledby="home-work" className="space-y-3">
          <h2 id="home-work" className="text-lg font-semibold">
            {t("home.work.title")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="home-work">
            {workItems.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-teal-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
                >
                  <span className="block text-sm text-slate-700">{item.label}</span>
                  <span className="mt-1 block text-3xl font-semibold tabular-nums text-teal-900">{item.value}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {upcoming && (
        <section aria-labelledby="home-schedule" className="space-y-3" data-testid="home-schedule">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="home-schedule" className="text-lg font-semibold">
              {t("schedule.home.title")}
            </h2>
            <Link href="/schedule" className="text-sm text-teal-800 underline underline-offset-2 hover:text-teal-950">
              {t("schedule.home.more")}
            </Link>
          </div>
          {upcoming.counts.total === 0 ? (
            <p className="text-sm text-slate-700">{t("schedule.home.none")}</p>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t("schedule.home.summary", upcoming.counts)}</p>
              <ReminderList items={upcoming.next} t={t} locale={locale} label={t("schedule.home.title")} showDate />
            </>
          )}
        </section>
      )}

      {headlines && (
        <section aria-labelledby="home-indicators" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="home-indicators" className="text-base font-semibold text-slate-900">
              {t("home.indicatorsTitle", { fy: fiscalYearShortLabel(thisYear, locale) })}
            </h2>
            <Link href={`/indicators/sheet?prefecture=${actor.prefectureCode}&fy=${thisYear - 1}`} className="text-sm text-teal-800 underline underline-offset-2 hover:text-teal-950">
              {t("home.sheetLink", { fy: fiscalYearShortLabel(thisYear - 1, locale) })}
            </Link>
          </div>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {headlines.figures.map((f) => (
              <li key={f.code}>
                <Link href={`/indicators/${encodeURIComponent(f.code)}?fy=${thisYear}`} className="block rounded-md border border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 hover:bg-brand-50">
                  <span className="block text-sm font-medium text-slate-700">{f.definition.name[locale]}</span>
                  <span className="block text-3xl leading-tight font-semibold text-brand-800 tabular-nums">{formatFigure(f, f.definition.unit, f.definition.kind, locale)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {pendingApprovals > 0 && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <Link href="/approvals" className="font-medium underline underline-offset-2">
            {t("approvals.homeNotice", { count: pendingApprovals })}
          </Link>
        </p>
      )}

      {prefectureWide && (
        <section aria-label={t("home.scopeTitle")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t("home.statRegions")} value={scope.regionNames.length} />
          <StatCard label={t("home.statOffices")} value={scope.offices.length} />
          <StatCard label={t("home.statMunicipalities")} value={scope.municipalityCount} />
          {can(actor.role, "manage:user:prefecture") && <StatCard label={t("home.statUsers")} value={countActiveUsersForActor(actor)} />}
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("home.canDoTitle")}>
          <ul className="list-disc space-y-1 pl-5" data-testid="home-capabilities">
            {ROLE_PERMISSIONS[actor.role].map((p) => (
              <li key={p}>{t(`capabilities.${p}`)}</li>
            ))}
          </ul>
          {actor.role === "prefecture" && <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("home.cannotSeeNames")}</p>}
        </Card>
        <Card title={t("home.quickLinks")}>
          <ul className="space-y-2">
            {shortcuts.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="text-teal-800 underline underline-offset-2 hover:text-teal-950">
                  {t(s.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
