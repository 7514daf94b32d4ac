import { AuditSection as AuditCard } from "@/components/ui/audit-log";
import type { listCaseAuditForActor } from "@/lib/dal/cases";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import type { RawSearchParams } from "@/lib/list-url";
import { auditSummary, caseAuditVocabulary } from "../_components/case-display";

/** Who did what to this case, for a role that may read the audit log; filter and page in the URL. */
export function AuditSection({
  caseId,
  trail,
  searchParams,
  t,
  locale,
}: {
  caseId: string;
  trail: ReturnType<typeof listCaseAuditForActor>;
  searchParams: RawSearchParams;
  t: Translate;
  locale: Locale;
}) {
  return (
    <AuditCard
      trail={trail}
      title={t("caseDetail.audit.title")}
      description={t("caseDetail.audit.description")}
      summary={(row) => auditSummary(row.action, row.detail, t, locale)}
      vocab={caseAuditVocabulary(t)}
      basePath={`/cases/${caseId}`}
      searchParams={searchParams}
      t={t}
      locale={locale}
    />
  );
}
