import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { hospitalEditBase, listHospitalsForActor, type HospitalRow } from "@/lib/dal/hospitals";
import { listMunicipalitiesForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { createHospitalAction, updateHospitalAction } from "./actions";
import { AddHospitalDialog, EditHospitalDialog } from "./hospital-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("hospitals.title") };
}

/** The prefecture's psychiatric hospitals: master data for the case forms, kept by its admins. */
export default async function HospitalsPage() {
  const actor = await requirePermission("manage:master:prefecture");
  const t = await getT();
  const locale = await getLocale();
  const rows = listHospitalsForActor(actor, { includeInactive: true });
  const municipalities = listMunicipalitiesForActor(actor).map((m) => ({ value: m.code, label: m.name }));
  const active = rows.filter((h) => h.active).length;

  const columns: Column<HospitalRow>[] = [
    { key: "name", header: t("hospitals.name"), cell: (h) => <span className="font-medium">{h.name}</span> },
    { key: "municipality", header: t("hospitals.municipality"), cell: (h) => h.municipalityName ?? t("hospitals.notRecorded") },
    {
      key: "beds",
      header: t("hospitals.beds"),
      align: "right",
      cell: (h) => (h.psychBeds == null ? t("hospitals.notRecorded") : h.psychBeds.toLocaleString("ja-JP")),
    },
    {
      key: "status",
      header: t("hospitals.status"),
      cell: (h) => <Badge tone={h.active ? "success" : "neutral"}>{h.active ? t("hospitals.active") : t("hospitals.inactive")}</Badge>,
    },
    {
      key: "actions",
      header: t("hospitals.actions"),
      cell: (h) => (
        <EditHospitalDialog
          action={updateHospitalAction}
          municipalities={municipalities}
          hospital={{ id: h.id, name: h.name, municipalityCode: h.municipalityCode, psychBeds: h.psychBeds, active: h.active, version: h.version, base: hospitalEditBase(h) }}
        />
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("hospitals.title")}
        description={t("hospitals.description", { prefecture: actor.prefectureName[locale] })}
        breadcrumbs={[{ href: "/", label: t("nav.home") }]}
        actions={<AddHospitalDialog action={createHospitalAction} municipalities={municipalities} />}
      />
      <ExportButtons list="hospitals" query={{}} />
      <p className="text-sm text-slate-700 tabular-nums">{t("hospitals.summary", { total: rows.length, active, inactive: rows.length - active })}</p>
      <DataTable
        caption={t("hospitals.caption")}
        columns={columns}
        rows={rows}
        rowKey={(h) => h.id}
        basePath="/admin/hospitals"
        searchParams={{}}
        empty={<EmptyState title={t("hospitals.empty")} description={t("hospitals.emptyBody")} />}
      />
    </div>
  );
}
