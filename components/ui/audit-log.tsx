import type { ReactNode } from "react";
import { AUDIT_ACTION_LABELS, type Locale } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { SectionCard } from "./section-card";
import { TableRegion, tdClass, thClass } from "./table-region";

/*
 * The 閲覧・変更履歴 panel of a record page (supervisors): who viewed or changed the record, when,
 * and what, in words. Values are never shown, only what was touched; each record kind words its
 * own `detail` JSON with the helpers below.
 */

export type AuditLogRow = { id: string; at: string; actorUsername: string; actorName: string | null; action: string; detail: string | null };

/** The action of an audit row in the user's language (閲覧 / 作成 / 更新 …). */
export function auditActionLabel(action: string, locale: Locale): string {
  return action in AUDIT_ACTION_LABELS ? AUDIT_ACTION_LABELS[action as keyof typeof AUDIT_ACTION_LABELS][locale] : action;
}

/** An audit row's `detail` JSON as an object ({} when missing or not an object). */
export function parseAuditDetail(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Each field's label under `keyPrefix` in the catalog, or the field's own name where there is none. */
export function fieldLabels(fields: string[], keyPrefix: string, t: Translate): string[] {
  return fields.map((field) => {
    const key = `${keyPrefix}${field}` as MessageKey;
    const label = t(key);
    return label === key ? field : label;
  });
}

/** The audit rows, newest first, in a table that scrolls within its own height. */
export function AuditLogTable({
  rows,
  caption,
  headers,
  summary,
  locale,
}: {
  rows: AuditLogRow[];
  caption: string;
  headers: { at: string; who: string; action: string; what: string };
  /** What the row did, in words. */
  summary: (row: AuditLogRow) => ReactNode;
  locale: Locale;
}) {
  return (
    <TableRegion caption={caption} className="max-h-[28rem] overflow-auto rounded-md border border-slate-300">
      <thead className="sticky top-0 bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>{headers.at}</th>
          <th scope="col" className={thClass}>{headers.who}</th>
          <th scope="col" className={thClass}>{headers.action}</th>
          <th scope="col" className={thClass}>{headers.what}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-200 even:bg-slate-50">
            <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{formatDateTime(row.at, locale)}</td>
            <td className={`${tdClass} whitespace-nowrap`}>
              {row.actorName ?? row.actorUsername}
              {row.actorName && <span className="block text-xs text-slate-600">{row.actorUsername}</span>}
            </td>
            <td className={`${tdClass} whitespace-nowrap`}>{auditActionLabel(row.action, locale)}</td>
            <td className={tdClass}>{summary(row)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

/**
 * The 閲覧・変更履歴 card of a record page: its rows, or a line saying there are none yet. Each
 * record kind passes its catalog prefix (`<prefix>.title`, `.description`, `.empty`, `.caption`,
 * `.at`, `.who`, `.action`, `.what`) and how it words a row.
 */
export function AuditSection({
  rows,
  keys,
  summary,
  t,
  locale,
  className,
}: {
  rows: AuditLogRow[];
  keys: "caseDetail.audit" | "outreach.detail.audit";
  summary: (row: AuditLogRow) => ReactNode;
  t: Translate;
  locale: Locale;
  className?: string;
}) {
  const text = (k: "title" | "description" | "empty" | "caption" | "at" | "who" | "action" | "what") => t(`${keys}.${k}`);
  return (
    <SectionCard id="audit" title={text("title")} description={text("description")} className={className}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{text("empty")}</p>
      ) : (
        <AuditLogTable rows={rows} caption={text("caption")} headers={{ at: text("at"), who: text("who"), action: text("action"), what: text("what") }} summary={summary} locale={locale} />
      )}
    </SectionCard>
  );
}
