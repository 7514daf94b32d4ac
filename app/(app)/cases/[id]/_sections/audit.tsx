import { AuditSection as AuditCard } from "@/components/ui/audit-log";
import type { listCaseAuditForActor } from "@/lib/dal/cases";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { auditSummary } from "../_components/case-display";

/** Who did what to this case, for a role that may read the audit log. */
export function AuditSection({ rows, t, locale }: { rows: ReturnType<typeof listCaseAuditForActor>; t: Translate; locale: Locale }) {
  return <AuditCard rows={rows} keys="caseDetail.audit" summary={(row) => auditSummary(row.action, row.detail, t, locale)} t={t} locale={locale} />;
}
