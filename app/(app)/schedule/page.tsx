import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { mayExportIdentity } from "@/lib/dal/exports";
import { TabNav } from "@/components/ui/tab-nav";
import { groupRemindersByDay, listRemindersForActor } from "@/lib/dal/reminders";
import { requirePermission } from "@/lib/dal/session";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, LIST_SCOPES, listScopeOf, scopeHref, type RawSearchParams } from "@/lib/list-url";
import { ReminderList } from "./_components/reminder-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("schedule.title") };
}

const BASE = "/schedule";

/** 今後の予定: overdue first, then each day up to 14 days ahead; mine or the office's (?scope=). */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:case:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const scope = listScopeOf(params.scope, actor.role);
  const { today, items } = listRemindersForActor(actor, scope);
  const groups = groupRemindersByDay(items);

  const dayTitle = (key: string) => (key === "overdue" ? t("schedule.overdue") : key === today ? `${formatDate(key, locale)}（${t("schedule.today")}）` : formatDate(key, locale));

  return (
    <div className="space-y-5">
      <PageHeader title={t("schedule.title")} description={t("schedule.description")} />
      <ExportButtons list="schedule" query={{ scope }} identity={mayExportIdentity(actor)} />
      <TabNav
        label={t("schedule.scope.label")}
        current={scope}
        tabs={LIST_SCOPES.map((s) => ({ key: s, href: scopeHref(BASE, params, s), label: t(`schedule.scope.${s}`) }))}
      />
      <p className="text-sm text-slate-700">{t("schedule.peerNote")}</p>

      {groups.length === 0 ? (
        <EmptyState
          title={t("schedule.empty")}
          description={scope === "mine" ? t("schedule.emptyMine") : undefined}
          action={
            scope === "mine" ? (
              <Link href={scopeHref(BASE, params, "office")} className="text-brand-800 underline underline-offset-2 hover:text-brand-900">
                {t("schedule.officeLink")}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <div className="space-y-6" data-testid="schedule-groups">
          {groups.map((g) => (
            <section key={g.key} aria-labelledby={`day-${g.key}`} className="space-y-2">
              <h2 id={`day-${g.key}`} className={g.key === "overdue" ? "text-base font-semibold text-red-800" : "text-base font-semibold text-slate-900"}>
                {dayTitle(g.key)} <span className="text-sm font-normal text-slate-600">{t("schedule.dayCount", { n: g.items.length })}</span>
              </h2>
              <ReminderList items={g.items} t={t} locale={locale} label={t("schedule.listLabel", { day: dayTitle(g.key) })} showDate={g.key === "overdue"} />
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
