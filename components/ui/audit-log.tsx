import Link from "next/link";
import type { ReactNode } from "react";
import type { AuditTrailPage, AuditTrailRow } from "@/lib/dal/audit-trail";
import { AUDIT_ACTION_LABELS, type Label, type Locale } from "@/lib/domain/codes";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { jsonObject } from "@/lib/domain/json-object";
import { PERSON_VALUE_HIDDEN } from "@/lib/domain/person-correction";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { tableHref, type QueryValues, type RawSearchParams } from "@/lib/list-url";
import { focusRing } from "./button";
import { SectionCard } from "./section-card";
import { TableRegion, tdClass, thClass } from "./table-region";

/*
 * The 閲覧・変更履歴 panel of a record page (supervisors): who viewed or changed the record, when,
 * and what. A person's views of one day are one line; a change shows each field's old → new value
 * (identity fields arrive as "(changed)" and stay so), a reassignment from whom to whom, a deleted
 * row its content. Each record kind supplies only its headline wording and field vocabulary.
 */


/** The panel's state in the URL: `?audit=changes&auditPage=2#audit`. */
export function parseAuditQuery(params: QueryValues): { changesOnly: boolean; page: number } {
  return { changesOnly: params.audit === "changes", page: Math.max(1, Math.floor(Number(params.auditPage)) || 1) };
}

/** How a record kind's fields read in its trail. */
export type AuditVocabulary = {
  /** A field's label; `record` is the logged record's kind (activity, contact …) or null for the record itself. */
  fieldLabel: (field: string, record: string | null) => string;
  /** The code list of a field (of the record or of a logged record of kind `record`): a code shows as its label. */
  codes?: (field: string, record: string | null) => Readonly<Record<string, Label>> | undefined;
  /** The fields of a deleted row's snapshot to show, in order, by record kind. */
  snapshotFields?: Readonly<Record<string, readonly string[]>>;
};

/** The action of an audit row in the user's language (閲覧 / 作成 / 更新 …). */
export function auditActionLabel(action: string, locale: Locale): string {
  return action in AUDIT_ACTION_LABELS ? AUDIT_ACTION_LABELS[action as keyof typeof AUDIT_ACTION_LABELS][locale] : action;
}


/** Each field's label under `keyPrefix` in the catalog, or the field's own name where there is none. */
export function fieldLabels(fields: string[], keyPrefix: string, t: Translate): string[] {
  return fields.map((field) => {
    const key = `${keyPrefix}${field}` as MessageKey;
    const label = t(key);
    return label === key ? field : label;
  });
}

/** A value of a change or snapshot in words: code labels, names for ids, dates formatted, identity values never. */
export function auditValue(field: string, record: string | null, value: unknown, vocab: AuditVocabulary, names: Record<string, string>, t: Translate, locale: Locale): string {
  if (value === null || value === undefined || value === "") return t("ui.audit.empty");
  if (value === "(changed)") return t("ui.audit.hidden");
  if (value === PERSON_VALUE_HIDDEN) return t("ui.audit.identityHidden");
  if (typeof value === "boolean") return t(value ? "ui.audit.yes" : "ui.audit.no");
  if (Array.isArray(value)) return value.length === 0 ? t("ui.audit.empty") : value.map((v) => auditValue(field, record, v, vocab, names, t, locale)).join(t("ui.audit.separator"));
  if (typeof value === "string") {
    const codes = vocab.codes?.(field, record);
    if (codes && value in codes) return codes[value]![locale];
    if (value in names) return names[value]!;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    return value;
  }
  if (typeof value === "number") return String(value);
  return t("ui.audit.hidden");
}

/** Columns of a snapshot that are bookkeeping, not content: left out where a kind names no fields. */
const BOOKKEEPING_FIELDS = ["id", "version", "createdAt", "updatedAt", "updatedBy", "caseId", "outreachCaseId", "peerId", "officeId"];

/** The old → new values, a reassignment or a deleted row's content under an audit row's headline. */
export function AuditDetail({ row, vocab, names, t, locale }: { row: AuditTrailRow; vocab: AuditVocabulary; names: Record<string, string>; t: Translate; locale: Locale }) {
  const d = jsonObject(row.detail);
  const record = typeof d.record === "string" ? d.record : null;
  const value = (field: string, v: unknown) => auditValue(field, record, v, vocab, names, t, locale);
  const changes = d.changes && typeof d.changes === "object" && !Array.isArray(d.changes) ? Object.entries(d.changes as Record<string, unknown>).filter(([, pair]) => Array.isArray(pair)) : [];
  // A transfer to another office (ADR 0032): the offices by name, as the row recorded them.
  if (typeof d.transfer === "string" && ["requested", "accepted", "declined", "cancelled"].includes(d.transfer)) {
    const kind = d.transfer as "requested" | "accepted" | "declined" | "cancelled";
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return <>{t(`ui.audit.transfer.${kind}`, { from: text(d.fromName), to: text(d.toName), reason: text(d.reason ?? d.note), date: formatDate(text(d.effectiveDate), locale) })}</>;
  }
  if (d.reassigned) {
    const pair = (d.changes as Record<string, unknown[]> | undefined)?.coordinatorUserId ?? [];
    return <>{t("ui.audit.reassigned", { from: value("coordinatorUserId", pair[0]), to: value("coordinatorUserId", pair[1]) })}</>;
  }
  const items: { label: string; text: string }[] = [];
  if (row.action === "delete" && d.snapshot && typeof d.snapshot === "object") {
    const snapshot = d.snapshot as Record<string, unknown>;
    const fields = (record && vocab.snapshotFields?.[record]) ?? Object.keys(snapshot).filter((f) => !BOOKKEEPING_FIELDS.includes(f));
    for (const field of fields) if (field in snapshot) items.push({ label: vocab.fieldLabel(field, record), text: value(field, snapshot[field]) });
  } else {
    for (const [field, pair] of changes) {
      const [from, to] = pair as unknown[];
      // A person's correction without the identity permission: the field changed, its values are not shown.
      const text = from === PERSON_VALUE_HIDDEN && to === PERSON_VALUE_HIDDEN ? t("ui.audit.identityHidden") : t("ui.audit.fromTo", { from: value(field, from), to: value(field, to) });
      items.push({ label: vocab.fieldLabel(field, record), text });
    }
  }
  if (items.length === 0) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-xs text-slate-700">
      {items.map((item, i) => (
        <div key={i} className="break-words">
          <dt className="inline font-medium">{item.label}：</dt>
          <dd className="inline whitespace-pre-line">{item.text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The audit rows, newest first, in a table that scrolls within its own height. */
export function AuditLogTable({
  rows,
  caption,
  headers,
  summary,
  t,
  locale,
}: {
  rows: AuditTrailRow[];
  caption: string;
  headers: { at: string; who: string; action: string; what: string };
  /** What the row did, in words: the kind's headline and the shared detail below it. */
  summary: (row: AuditTrailRow) => ReactNode;
  t: Translate;
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
            <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{row.day ? formatDate(row.day, locale) : formatDateTime(row.at, locale)}</td>
            <td className={`${tdClass} whitespace-nowrap`}>
              {row.actorName ?? row.actorUsername}
              {row.actorName && <span className="block text-xs text-slate-600">{row.actorUsername}</span>}
            </td>
            <td className={`${tdClass} whitespace-nowrap`}>{auditActionLabel(row.action, locale)}</td>
            <td className={tdClass}>
              {/* The content keeps a readable width on a phone; the table scrolls sideways instead. */}
              <div className="min-w-56">
                {row.day
                  ? row.identityViews > 0
                    ? t("ui.audit.viewsWithIdentity", { n: row.views, identity: row.identityViews })
                    : t("ui.audit.views", { n: row.views })
                  : summary(row)}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

/**
 * The 閲覧・変更履歴 card of a record page: a filter (all / changes only), one page of lines and a
 * pager, both in the URL (`audit`, `auditPage`, landing on `#audit`). Each record kind passes its
 * title and description, its headline wording and its vocabulary; the rest is worded here once.
 */
export function AuditSection({
  trail,
  title,
  description,
  summary,
  vocab,
  basePath,
  searchParams,
  t,
  locale,
  className,
}: {
  trail: AuditTrailPage;
  title: string;
  description: string;
  /** The headline of a row in the kind's words (record added, phase changed …). */
  summary: (row: AuditTrailRow) => ReactNode;
  vocab: AuditVocabulary;
  basePath: string;
  searchParams: RawSearchParams;
  t: Translate;
  locale: Locale;
  className?: string;
}) {
  const { changesOnly } = parseAuditQuery(Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const href = (changes: QueryValues) => `${tableHref(basePath, searchParams, changes)}#audit`;
  const lastPage = Math.max(1, Math.ceil(trail.total / trail.pageSize));
  const from = trail.total === 0 ? 0 : (trail.page - 1) * trail.pageSize + 1;
  const to = Math.min(trail.total, trail.page * trail.pageSize);
  const linkClass = `rounded-md px-2 py-1 text-sm underline-offset-2 hover:underline ${focusRing}`;
  const filters: { key: "all" | "changes"; on: boolean }[] = [
    { key: "all", on: !changesOnly },
    { key: "changes", on: changesOnly },
  ];
  return (
    <SectionCard id="audit" title={title} description={description} className={className}>
      <nav aria-label={t("ui.audit.filter")} className="mb-3 flex flex-wrap gap-2">
        {filters.map((f) => (
          <Link
            key={f.key}
            href={href({ audit: f.key === "changes" ? "changes" : undefined, auditPage: undefined })}
            aria-current={f.on ? "page" : undefined}
            className={`${linkClass} border ${f.on ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 text-slate-800"}`}
          >
            {t(f.key === "changes" ? "ui.audit.changesOnly" : "ui.audit.all")}
          </Link>
        ))}
      </nav>
      {trail.rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("ui.audit.none")}</p>
      ) : (
        <>
          <AuditLogTable
            rows={trail.rows}
            caption={t("ui.audit.caption")}
            headers={{ at: t("ui.audit.at"), who: t("ui.audit.who"), action: t("ui.audit.action"), what: t("ui.audit.what") }}
            summary={(row) => (
              <>
                {jsonObject(row.detail).reassigned || jsonObject(row.detail).transfer ? null : summary(row)}
                <AuditDetail row={row} vocab={vocab} names={trail.names} t={t} locale={locale} />
              </>
            )}
            t={t}
            locale={locale}
          />
          <nav aria-label={t("ui.audit.pager")} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
            <span>{t("ui.audit.range", { total: trail.total, from, to })}</span>
            <span className="flex items-center gap-2">
              {trail.page > 1 && (
                <Link href={href({ auditPage: trail.page - 1 > 1 ? String(trail.page - 1) : undefined })} className={linkClass}>
                  {t("ui.audit.previous")}
                </Link>
              )}
              <span>{t("ui.audit.page", { n: trail.page, last: lastPage })}</span>
              {trail.page < lastPage && (
                <Link href={href({ auditPage: String(trail.page + 1) })} className={linkClass}>
                  {t("ui.audit.next")}
                </Link>
              )}
            </span>
          </nav>
        </>
      )}
    </SectionCard>
  );
}
