import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { caseloadRowsForActor } from "@/lib/dal/exports";
import { getCaseloadForActor, type AttentionCase, type CaseFlag, type CaseloadRow } from "@/lib/dal/case-list";
import { requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { AttentionTable } from "./attention-table";
import { CaseloadChart } from "./caseload-chart";
import { CaseloadMatrix } from "./caseload-matrix";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("caseload.title") };
}

export default async function CaseloadPage() {
  const actor = await requirePermission("read:caseload:reach");
  const t = await getT();
  const data = getCaseloadForActor(actor);

  // Staff of the offices in reach who hold no open case still belong in the picture: they are
  // where a supervisor can hand new cases (the same rows as the export, lib/dal/exports.ts).
  const rows: CaseloadRow[] = caseloadRowsForActor(actor, data);
  const openTotal = rows.reduce((sum, r) => sum + r.open, 0);

  // Longest waiting first: the oldest last activity (none at all before that) or due date on top.
  const byDetail = (cases: AttentionCase[]) => [...cases].sort((a, b) => (a.detail ?? "").localeCompare(b.detail ?? "") || a.caseNo.localeCompare(b.caseNo));
  const sections: { id: string; flag: CaseFlag; title: MessageKey; short: MessageKey; detail?: MessageKey; cases: AttentionCase[] }[] = [
    { id: "stale", flag: "stale", title: "caseload.attention.stale", short: "caseload.summary.stale", detail: "caseload.attention.lastActivity", cases: byDetail(data.stale) },
    {
      id: "overdue-follow-ups",
      flag: "overdue_follow_up",
      title: "caseload.attention.overdueFollowUps",
      short: "caseload.summary.overdueFollowUps",
      detail: "caseload.attention.followUpDue",
      cases: byDetail(data.overdueFollowUps),
    },
    {
      id: "overdue-reviews",
      flag: "overdue_review",
      title: "caseload.attention.overdueReviews",
      short: "caseload.summary.overdueReviews",
      detail: "caseload.attention.reviewDue",
      cases: byDetail(data.overdueReviews),
    },
    { id: "no-consent", flag: "no_consent", title: "caseload.attention.noConsent", short: "caseload.summary.noConsent", cases: data.noConsent },
  ];
  const summary: { href: string; label: string; value: number; alert: boolean }[] = [
    { href: "#matrix", label: t("caseload.summary.open"), value: openTotal, alert: false },
    ...sections.map((s) => ({ href: `#${s.id}`, label: t(s.short), value: s.cases.length, alert: s.cases.length > 0 })),
  ];

  return (
    <div className="space-y-8">
      <PageHeader title={t("caseload.title")} description={t("caseload.description")} />
      <ExportButtons list="caseload" query={{}} />

      <nav aria-label={t("caseload.summary.label")}>
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
          {summary.map((s) => (
            <li key={s.href}>
              <a
                href={s.href}
                className={clsx(
                  "flex h-full flex-col gap-1 rounded-md border bg-white p-4 shadow-sm hover:bg-brand-50",
                  s.alert ? "border-amber-400" : "border-slate-300",
                  focusRing,
                )}
              >
                <span className="text-sm font-medium text-slate-700">{s.label}</span>
                <span className={clsx("text-3xl leading-tight font-semibold tabular-nums", s.alert ? "text-amber-900" : "text-brand-800")}>
                  {s.value.toLocaleString("ja-JP")}
                  {s.value >= 100 && s.href !== "#matrix" ? "+" : ""}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="matrix" aria-labelledby="matrix-heading" className="scroll-mt-4 space-y-3">
        <h2 id="matrix-heading" className="text-lg font-semibold text-slate-900">
          {t("caseload.matrix.heading")}
        </h2>
        <CaseloadMatrix rows={rows} />
      </section>

      <section aria-labelledby="chart-heading" className="space-y-3">
        <h2 id="chart-heading" className="text-lg font-semibold text-slate-900">
          {t("caseload.chart.heading")}
        </h2>
        <CaseloadChart rows={rows} />
      </section>

      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
        {sections.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-heading`} className="scroll-mt-4 space-y-3 rounded-md border border-slate-300 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`${s.id}-heading`} className="text-base font-semibold text-slate-900">
                {t(s.title)}
                <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-sm tabular-nums text-slate-900">
                  {t("caseload.attention.count", { n: s.cases.length.toLocaleString("ja-JP") })}
                </span>
              </h2>
              {s.cases.length > 0 && (
                <Link
                  href={`/cases?scope=office&flag=${s.flag}`}
                  className={clsx("rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
                >
                  {t("caseload.attention.viewAll")}
                </Link>
              )}
            </div>
            <AttentionTable caption={t(s.title)} cases={s.cases} detail={s.detail} />
          </section>
        ))}
      </div>
    </div>
  );
}
