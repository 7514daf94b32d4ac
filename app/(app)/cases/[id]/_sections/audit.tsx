import { AuditLogTable } from "@/components/ui/audit-log";
import { SectionCard } from "@/components/ui/section-card";
import type { listCaseAuditForActor } from "@/lib/dal/cases";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { auditSummary } from "../_components/case-display";

/** Who did what to this case, for a role that may read the audit log. */
export function AuditSection({ rows, t, locale }: { rows: ReturnType<typeof listCaseAuditForActor>; t: Translate; locale: Locale }) {
  return (
    <SectionCard id="audit" title={t("caseDetail.audit.title")} description={t("caseDetail.audit.description")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.audit.empty")}</p>
      ) : (
        <AuditLogTable
          rows={rows}
          caption={t("caseDetail.audit.caption")}
          headers={{ at: t("caseDetail.audit.at"), who: t("caseDetail.audit.who"), action: t("caseDetail.audit.action"), what: t("caseDetail.audit.what") }}
          summary={(row) => auditSummary(row.action, row.detail, t, locale)}
          locale={locale}
        />
      )}
    </SectionCard>
  );
}
