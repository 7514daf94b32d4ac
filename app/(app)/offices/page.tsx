import type { Metadata } from "next";
import Link from "next/link";
import { ExportButtons } from "@/components/export-buttons";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal/session";
import { listOfficesForActor, type OfficeListRow } from "@/lib/dal/org";
import { HEALTH_CENTER_KIND_LABELS } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { officeListQuery } from "@/lib/list-queries";
import { firstValues, loadPageInRange, type RawSearchParams } from "@/lib/list-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("offices.title") };
}

export default async function OfficesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:office:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { req } = officeListQuery(actor, params);
  const page = loadPageInRange(req, (r) => listOfficesForActor(actor, r));

  const columns: Column<OfficeListRow>[] = [
    {
      key: "name",
      header: t("offices.name"),
      sortable: true,
      cell: (o) => (
        <Link href={`/offices/${o.id}`} className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950">
          {o.name}
        </Link>
      ),
    },
    { key: "region", header: t("offices.region"), sortable: true, cell: (o) => o.regionName },
    { key: "kind", header: t("offices.kind"), sortable: true, cell: (o) => HEALTH_CENTER_KIND_LABELS[o.kind][locale] },
    { key: "parent", header: t("offices.parent"), cell: (o) => o.parentName ?? "—" },
    { key: "municipalities", header: t("offices.municipalities"), sortable: true, align: "right", cell: (o) => o.municipalityCount },
  ];
  if (page.rows.some((r) => r.staffCount !== null)) {
    columns.push({ key: "staff", header: t("offices.staff"), align: "right", cell: (o) => o.staffCount ?? "—" });
  }

  return (
    <div className="space-y-6">
      <PageHeader title={t("offices.title")} description={t("offices.description")} />
      <ExportButtons list="offices" query={params} />
      <DataTable
        caption={t("offices.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(o) => o.id}
        basePath="/offices"
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={<EmptyState title={t("offices.empty")} description={t("offices.emptyBody")} />}
      />
    </div>
  );
}
