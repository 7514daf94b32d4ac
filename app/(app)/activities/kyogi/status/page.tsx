import type { Metadata } from "next";
import { ExportButtons } from "@/components/export-buttons";
import { dateInputValue } from "@/components/forms/date-input-value";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getMunicipalStatusTableForActor } from "@/lib/dal/kyogi";
import { requirePermission } from "@/lib/dal/session";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import type { RawSearchParams } from "@/lib/list-url";
import { readListParams } from "../../_lib/params";
import { saveMunicipalStatusAction } from "../actions";
import { MunicipalStatusForm, type StatusRow } from "../_components/municipal-status-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.kyogiStatus.metaTitle") };
}

/** The prefecture's one-screen table of every municipality's 協議の場 for a fiscal year. */
export default async function MunicipalStatusPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("write:prefecture-activity:prefecture");
  const t = await getT();
  const locale = await getLocale();
  const list = await readListParams(searchParams);
  const fy = list.summaryYear;
  const copy = list.params.copy === "1";
  const table = getMunicipalStatusTableForActor(actor, fy, { copyPrevious: copy });
  const rows: StatusRow[] = table.rows.map((r) => ({
    code: r.code,
    name: r.name,
    officeName: r.officeName,
    version: r.version,
    values: {
      exists: r.values?.exists ? "on" : "",
      form: r.values?.form ?? "",
      established: dateInputValue(r.values?.establishedOn),
      meetings: r.values?.meetingsHeld === null || r.values?.meetingsHeld === undefined ? "" : String(r.values.meetingsHeld),
      note: r.values?.note ?? "",
    },
  }));
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const previousLabel = fiscalYearShortLabel(fy - 1, locale);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("activities.kyogiStatus.title", { fy: fyLabel })}
        description={t("activities.kyogiStatus.lead")}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: `/activities/kyogi?fy=${fy}`, label: t("activities.kyogi.title") },
        ]}
        actions={
          table.previousYearRecorded && !copy ? (
            <ButtonLink href={`/activities/kyogi/status?fy=${fy}&copy=1`} variant="secondary">
              {t("activities.kyogiStatus.copyPrevious", { fy: previousLabel })}
            </ButtonLink>
          ) : undefined
        }
      />
      {table.copiedFrom && <FormMessage tone="info">{t("activities.kyogiStatus.copied", { fy: previousLabel })}</FormMessage>}
      {copy && !table.copiedFrom && <FormMessage tone="info">{t("activities.kyogiStatus.noPrevious")}</FormMessage>}
      <ExportButtons list="kyogi-status" query={{ fy: String(fy) }} />
      <MunicipalStatusForm key={`${fy}-${copy}`} action={saveMunicipalStatusAction} fiscalYear={fy} rows={rows} reloadHref={`/activities/kyogi/status?fy=${fy}`} />
      <ButtonLink href={`/activities/kyogi?fy=${fy}`} variant="ghost">
        {t("activities.kyogiStatus.back")}
      </ButtonLink>
    </div>
  );
}
