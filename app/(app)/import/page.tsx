import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { TabNav } from "@/components/ui/tab-nav";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/dal/session";
import { mayImport } from "@/lib/import/run";
import { MAX_IMPORT_ROWS } from "@/lib/import/file";
import { READY_IMPORT_TYPES, type ImportType } from "@/lib/import/kinds";
import { getT } from "@/lib/i18n/server";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("import.title") };
}

const linkClass = "text-teal-800 underline underline-offset-2 hover:text-teal-950";

/**
 * ファイルからの取り込み (ADR 0043): one tab per record type, its natural key and rules, the
 * templates, and the upload form (preview, then commit). The form talks to /api/v1/import/<type>,
 * which checks the permission again and runs every row through the record's own DAL call.
 */
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ type?: string | string[] }> }) {
  const actor = await requireActor();
  // The types this user may create, so import; none: no page (the API checks each type again).
  const allowed = READY_IMPORT_TYPES.filter((key) => mayImport(actor, key));
  if (allowed.length === 0) notFound();
  const t = await getT();
  const requested = (await searchParams).type;
  const type: ImportType = (allowed as readonly string[]).includes(String(requested)) ? (requested as ImportType) : allowed[0]!;
  const tabs = allowed.map((key) => ({ key, href: `/import?type=${key}`, label: t(`import.types.${key}`) }));

  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <TabNav label={t("import.title")} tabs={tabs} current={type} />
      <div className="mt-4 space-y-4">
        <SectionCard id="import-rules" title={t(`import.types.${type}`)}>
          <div className="space-y-2 text-sm text-slate-800">
            <p>{t(`import.naturalKey.${type}`)}</p>
            <p>{t("import.rules", { maxRows: MAX_IMPORT_ROWS.toLocaleString("ja-JP") })}</p>
            <p className="flex flex-wrap gap-4">
              <a className={linkClass} href={`/api/v1/import/templates/${type}.xlsx`} download>
                {t("import.templateXlsx")}
              </a>
              <a className={linkClass} href={`/api/v1/import/templates/${type}.csv`} download>
                {t("import.templateCsv")}
              </a>
            </p>
          </div>
        </SectionCard>
        <ImportForm type={type} />
      </div>
    </>
  );
}
