import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilterPanel } from "@/components/forms/filter-panel";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { can } from "@/lib/auth/permissions";
import { orNotFound, requireActor } from "@/lib/dal/session";
import { getYearCloseForActor, listRestatementsForActor, restatementViews, type LockEvent, type OfficeSignoff } from "@/lib/dal/year-close";
import { formatDateTime } from "@/lib/domain/format";
import { currentFiscalYear, fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { YEAR_LOCK_ACTION_LABELS } from "@/lib/domain/year-close";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { fiscalYearOptions } from "@/lib/preferences";
import { RestatementList } from "../_components/restatement-list";
import { LockForm, SignOffForm, UnlockForm } from "./_components/year-close-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("yearClose.title") };
}

const BASE = "/indicators/year-close";

/**
 * 年度締め of one fiscal year (`?fy=`, else the last year that has ended), ADR 0025. Supervisors
 * see the offices they reach with their sign-off and sign off the ones not yet done; prefecture
 * staff see every office's sign-off, lock the year (warned about offices that have not signed
 * off) or unlock it with a reason, with the lock's history. Both see the year's restatements
 * of their scope. Other roles get the 404.
 */
export default async function YearClosePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor();
  if (!can(actor.role, "signoff:year:reach") && !can(actor.role, "lock:year:prefecture")) notFound();
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const years = fiscalYearOptions();
  const asked = Number(params.fy);
  const lastEnded = currentFiscalYear() - 1;
  const fy = years.includes(asked) ? asked : years.includes(lastEnded) ? lastEnded : years[0]!;
  const status = orNotFound(() => getYearCloseForActor(actor, fy));
  const restatements = restatementViews(listRestatementsForActor(actor, fy), locale);
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const signed = status.offices.filter((o) => o.signoff).length;
  const unsigned = status.offices.filter((o) => !o.signoff);
  const canSignNow = status.canSignOff && status.ended && !status.locked;

  const officeColumns: Column<OfficeSignoff>[] = [
    {
      key: "office",
      header: t("yearClose.offices.office"),
      cell: (o) => (
        <>
          <span className="font-medium">{o.officeName}</span>
          {o.parentName && <span className="block text-xs text-slate-700">{t("yearClose.offices.branchOf", { parent: o.parentName })}</span>}
        </>
      ),
    },
    {
      key: "status",
      header: t("yearClose.offices.status"),
      cell: (o) => <Badge tone={o.signoff ? "success" : "warning"}>{t(o.signoff ? "yearClose.offices.signed" : "yearClose.offices.unsigned")}</Badge>,
    },
    { key: "signedAt", header: t("yearClose.offices.signedAt"), cell: (o) => (o.signoff ? formatDateTime(o.signoff.signedAt, locale) : "—") },
    { key: "signedBy", header: t("yearClose.offices.signedBy"), cell: (o) => o.signoff?.signedBy || "—" },
    {
      key: "note",
      header: t("yearClose.offices.note"),
      cell: (o) =>
        o.signoff ? (
          <span className="whitespace-pre-line">{o.signoff.note ?? ""}</span>
        ) : canSignNow ? (
          <SignOffForm officeId={o.officeId} officeName={o.officeName} fiscalYear={fy} fyLabel={fyLabel} />
        ) : (
          ""
        ),
    },
  ];

  const historyColumns: Column<LockEvent>[] = [
    { key: "action", header: t("yearClose.history.action"), cell: (h) => YEAR_LOCK_ACTION_LABELS[h.action][locale] },
    { key: "reason", header: t("yearClose.history.reason"), cell: (h) => <span className="whitespace-pre-line">{h.reason ?? ""}</span> },
    { key: "by", header: t("yearClose.history.by"), cell: (h) => h.actedBy },
    { key: "at", header: t("yearClose.history.at"), cell: (h) => formatDateTime(h.actedAt, locale) },
  ];

  return (
    <div className="space-y-5">
      <PageHeader title={t("yearClose.title")} description={t("yearClose.lead", { fy: fyLabel })} breadcrumbs={[{ href: `/indicators?fy=${fy}`, label: t("indicators.title") }]} />
      <FilterPanel headingId="year-close-year" heading={t("yearClose.year.heading")} action={BASE} params={params} applyLabel={t("yearClose.year.apply")}>
        <SelectField label={t("yearClose.year.label")} name="fy" defaultValue={String(fy)} options={years.map((y) => ({ value: String(y), label: fiscalYearLabel(y, locale) }))} />
      </FilterPanel>

      <div className="flex flex-wrap items-center gap-3" data-testid="year-lock-state">
        <span className="text-sm font-medium text-slate-800">{t("yearClose.state.label")}</span>
        <Badge tone={status.locked ? "info" : "neutral"}>{t(status.locked ? "yearClose.state.locked" : "yearClose.state.open")}</Badge>
        <span className="text-sm text-slate-800">{t(status.locked ? "yearClose.state.lockedNote" : "yearClose.state.openNote", { fy: fyLabel })}</span>
      </div>
      {!status.ended && <FormMessage tone="info">{t("yearClose.notEnded", { fy: fyLabel })}</FormMessage>}

      <SectionCard
        id="signoffs"
        title={t("yearClose.offices.title")}
        description={canSignNow ? t("yearClose.signoff.lead", { fy: fyLabel }) : t("yearClose.offices.count", { signed, total: status.offices.length })}
      >
        <DataTable
          caption={t("yearClose.offices.caption")}
          columns={officeColumns}
          rows={status.offices}
          rowKey={(o) => o.officeId}
          basePath={BASE}
          searchParams={params}
          empty={<EmptyState title={t("yearClose.offices.none")} />}
        />
      </SectionCard>

      {status.canLock && (
        <SectionCard id="lock" title={status.locked ? t("yearClose.unlock.title") : t("yearClose.lock.title")} description={status.locked ? t("yearClose.unlock.lead") : t("yearClose.lock.lead")}>
          <div className="space-y-4">
            {status.locked ? (
              <UnlockForm fiscalYear={fy} />
            ) : status.ended ? (
              <>
                {unsigned.length > 0 ? (
                  <FormMessage tone="info">{t("yearClose.lock.unsignedWarning", { n: unsigned.length, offices: unsigned.map((o) => o.officeName).join("、") })}</FormMessage>
                ) : (
                  <p className="text-sm text-slate-800">{t("yearClose.lock.allSigned")}</p>
                )}
                <LockForm fiscalYear={fy} fyLabel={fyLabel} />
              </>
            ) : (
              <p className="text-sm text-slate-800">{t("yearClose.lock.notEnded")}</p>
            )}
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("yearClose.history.title")}</h3>
              <DataTable
                caption={t("yearClose.history.caption")}
                columns={historyColumns}
                rows={status.history}
                rowKey={(h) => `${h.action}-${h.actedAt}`}
                basePath={BASE}
                searchParams={params}
                empty={<p className="text-sm text-slate-700">{t("yearClose.history.none")}</p>}
              />
            </div>
          </div>
        </SectionCard>
      )}

      <SectionCard id="restatements" title={t("yearClose.restatements.title")} description={t("yearClose.restatements.lead", { fy: fyLabel })}>
        <RestatementList rows={restatements} t={t} locale={locale} />
      </SectionCard>
    </div>
  );
}
