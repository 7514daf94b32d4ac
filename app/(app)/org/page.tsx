import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { roleHasOffices } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/dal/session";
import { getOrgTreeForActor } from "@/lib/dal/org";
import { HEALTH_CENTER_KIND_LABELS } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("org.title") };
}

export default async function OrgPage() {
  const actor = await requirePermission("read:org:prefecture");
  const t = await getT();
  const locale = await getLocale();
  const tree = getOrgTreeForActor(actor);

  return (
    <div className="space-y-6">
      <PageHeader title={t("org.title")} description={t("org.description", { prefecture: actor.prefectureName[locale] })} />
      <p className="font-medium" data-testid="org-totals">
        {t("org.totals", tree.totals)}
      </p>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {tree.regions.map((region) => (
          <section key={region.id} aria-labelledby={`region-${region.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id={`region-${region.id}`} className="text-lg font-semibold">
              {region.name}
            </h2>
            <p className="mb-3 text-sm text-slate-700">
              {t("org.officeCount", { n: region.offices.length })}・
              {t("org.municipalityCount", { n: region.offices.reduce((sum, o) => sum + o.municipalities.length, 0) })}
            </p>
            <ul className="space-y-3">
              {region.offices.map((office) => (
                <li key={office.id} className={office.parentId ? "ml-4 border-l-2 border-slate-200 pl-3" : ""}>
                  <div className="flex flex-wrap items-center gap-2">
                    {office.inReach ? (
                      <Link href={`/offices/${office.id}`} className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950">
                        {office.name}
                      </Link>
                    ) : (
                      <span className="font-medium">{office.name}</span>
                    )}
                    <Badge>{HEALTH_CENTER_KIND_LABELS[office.kind][locale]}</Badge>
                    {office.inReach && roleHasOffices(actor.role) && <Badge tone="info">{t("org.inReach")}</Badge>}
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    {office.municipalities.length ? office.municipalities.map((m) => m.name).join("、") : t("org.noMunicipalities")}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
