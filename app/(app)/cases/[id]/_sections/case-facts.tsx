import { PhaseBadge } from "@/components/cases/phase-badge";
import { Badge } from "@/components/ui/badge";
import { FactStrip, type Fact } from "@/components/ui/fact-strip";
import { formatDate } from "@/lib/domain/format";
import { monthsBetween, stayText } from "../_components/case-display";
import type { SectionProps } from "./shared";

/**
 * The strip under the page title: case number, phase, office, coordinator, length of stay (up to
 * discharge, else up to `today`) and last activity, with a warning while consent is missing.
 */
export function CaseFacts({ detail, today, t, locale }: SectionProps & { today: string }) {
  const f = detail.fields;
  const noConsent = !f.consentDate && detail.phase !== "closed";

  const stayUntil = f.dischargeDate ?? today;
  const stay = stayText(t, detail.lengthOfStay.days, monthsBetween(f.indexAdmissionDate, stayUntil), detail.lengthOfStay.approximate);

  const facts: Fact[] = [
    { term: t("caseDetail.header.caseNo"), description: <span className="font-mono">{detail.caseNo}</span> },
    { term: t("caseDetail.header.phase"), description: <PhaseBadge phase={detail.phase} locale={locale} /> },
    { term: t("caseDetail.header.office"), description: detail.office.name },
    { term: t("caseDetail.header.coordinator"), description: detail.coordinator.name },
    {
      term: t("caseDetail.header.lengthOfStay"),
      description: (
        <>
          <span className="tabular-nums">{stay}</span>
          <span className="block text-xs text-slate-600">
            {t(f.dischargeDate ? "caseDetail.header.lengthOfStayUntilDischarge" : "caseDetail.header.lengthOfStayUntilToday")}
            {detail.lengthOfStay.approximate && <span className="block">{t("caseDetail.stay.approxNote")}</span>}
          </span>
        </>
      ),
    },
    { term: t("caseDetail.header.lastActivity"), description: detail.lastActivityDate ? formatDate(detail.lastActivityDate, locale) : t("caseDetail.header.noActivity") },
  ];

  return (
    <FactStrip label={t("caseDetail.header.facts")} facts={facts} wide>
      {noConsent && (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-amber-900">
          <Badge tone="warning">{t("caseDetail.noConsent")}</Badge>
          {t("caseDetail.summary.consentMissing")}
        </p>
      )}
    </FactStrip>
  );
}
