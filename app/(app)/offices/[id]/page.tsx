import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal/session";
import { getOfficeForActor } from "@/lib/dal/org";
import { HEALTH_CENTER_KIND_LABELS, MUNICIPALITY_KIND_LABELS, ROLE_LABELS } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("offices.title") };
}

function OfficeLink({ office, outsideLabel }: { office: { id: string; name: string; inReach: boolean }; outsideLabel: string }) {
  return office.inReach ? (
    <Link href={`/offices/${office.id}`} className="text-teal-800 underline underline-offset-2 hover:text-teal-950">
      {office.name}
    </Link>
  ) : (
    <span>
      {office.name} <Badge>{outsideLabel}</Badge>
    </span>
  );
}

export default async function OfficePage({ params }: Props) {
  const actor = await requirePermission("read:office:reach");
  const { id } = await params;
  const office = getOfficeForActor(actor, decodeURIComponent(id));
  if (!office) notFound();
  const t = await getT();
  const locale = await getLocale();
  const outside = t("offices.outsideReach");

  return (
    <div className="space-y-6">
      <PageHeader
        title={office.name}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/offices", label: t("offices.title") },
        ]}
      />
      <Card>
        <DescriptionList
          items={[
            { term: t("offices.detailKind"), description: HEALTH_CENTER_KIND_LABELS[office.kind][locale] },
            { term: t("offices.detailRegion"), description: office.region.name },
            {
              term: t("offices.detailParent"),
              description: office.parent ? <OfficeLink office={office.parent} outsideLabel={outside} /> : t("offices.none"),
            },
            {
              term: t("offices.detailBranches"),
              description: office.branches.length ? (
                <ul>
                  {office.branches.map((b) => (
                    <li key={b.id}>
                      <OfficeLink office={b} outsideLabel={outside} />
                    </li>
                  ))}
                </ul>
              ) : (
                t("offices.none")
              ),
            },
          ]}
        />
      </Card>

      <Card title={t("offices.municipalitiesTitle")}>
        {office.municipalities.length === 0 ? (
          <p>{t("org.noMunicipalities")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("offices.municipalitiesTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="py-2 pr-4 font-semibold">{t("offices.municipalityCode")}</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">{t("offices.municipalityName")}</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">{t("offices.municipalityKind")}</th>
                </tr>
              </thead>
              <tbody>
                {office.municipalities.map((m) => (
                  <tr key={m.code} className="border-b border-slate-200">
                    <td className="py-2 pr-4 tabular-nums">{m.code}</td>
                    <td className="py-2 pr-4">{m.name}</td>
                    <td className="py-2 pr-4">{MUNICIPALITY_KIND_LABELS[m.kind][locale]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {office.staff && (
        <Card title={t("offices.staffTitle")}>
          {office.staff.length === 0 ? (
            <p>{t("offices.staffEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="office-staff">
              {office.staff.map((s) => (
                <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{s.displayName}</span>
                  <span className="text-sm text-slate-700">{ROLE_LABELS[s.role][locale]}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
