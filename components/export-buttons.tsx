"use client";
import { useId } from "react";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { buttonClasses, Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";
import type { QueryValues } from "@/lib/list-url";

/** The list's query as the export takes it: the page's filters and sort; paging is the export's own. */
function exportQuery(query: QueryValues): [string, string][] {
  return Object.entries(query).filter((e): e is [string, string] => !!e[1] && e[0] !== "page" && e[0] !== "size" && e[0] !== "identity" && e[0] !== "reason");
}

function exportHref(list: string, format: "csv" | "xlsx", query: QueryValues): string {
  const qs = new URLSearchParams(exportQuery(query)).toString();
  return `/api/v1/export/${list}.${format}${qs ? `?${qs}` : ""}`;
}

/**
 * The download buttons of a list page (ADR 0044): CSV and Excel of exactly the rows the page
 * lists under its current query (every page). For a supervisor, 「氏名等を含めて出力…」 opens a
 * dialog asking for the reason; the data layer checks the role again and audits the reason.
 * `list="case"` with `query={{ id }}` is the case page's own records.
 */
export function ExportButtons({ list, query, identity = false, label }: { list: string; query: QueryValues; identity?: boolean; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="export-buttons">
      <span className="text-sm text-slate-700">{label ?? t("export.label")}</span>
      <a href={exportHref(list, "csv", query)} download className={buttonClasses({ variant: "secondary", size: "sm" })} title={t("export.csvTitle")} data-testid="export-csv">
        {t("export.csv")}
      </a>
      <a href={exportHref(list, "xlsx", query)} download className={buttonClasses({ variant: "secondary", size: "sm" })} title={t("export.xlsxTitle")} data-testid="export-xlsx">
        {t("export.xlsx")}
      </a>
      {identity && (
        <Dialog triggerLabel={t("export.withIdentity")} triggerVariant="ghost" triggerSize="sm" title={t("export.dialog.title")} description={t("export.dialog.body")}>
          <IdentityForm list={list} query={query} />
        </Dialog>
      )}
    </div>
  );
}

function IdentityForm({ list, query }: { list: string; query: QueryValues }) {
  const { t } = useI18n();
  const { close } = useDialog();
  const reasonId = useId();
  const hintId = useId();
  return (
    // A GET form: the file downloads and the page stays; the format is the button pressed.
    <form method="get" action={exportHref(list, "csv", {})} onSubmit={() => setTimeout(close, 0)} className="space-y-4" data-testid="export-identity-form">
      {exportQuery(query).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="identity" value="1" />
      <div className="space-y-1">
        <label htmlFor={reasonId} className="block text-sm font-medium text-slate-900">
          {t("export.dialog.reason")}
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          minLength={2}
          maxLength={200}
          autoFocus
          aria-describedby={hintId}
          className="block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:border-brand-700 focus:ring-2 focus:ring-brand-600 focus:outline-none"
        />
        <p id={hintId} className="text-xs text-slate-600">
          {t("export.dialog.reasonHint")}
        </p>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <DialogCancelButton />
        <Button type="submit" variant="primary" formAction={exportHref(list, "csv", {})} data-testid="export-identity-csv">
          {t("export.dialog.download")}（{t("export.csv")}）
        </Button>
        <Button type="submit" variant="primary" formAction={exportHref(list, "xlsx", {})} data-testid="export-identity-xlsx">
          {t("export.dialog.download")}（{t("export.xlsx")}）
        </Button>
      </div>
    </form>
  );
}
