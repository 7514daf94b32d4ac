import { Badge } from "@/components/ui/badge";
import { DescriptionList } from "@/components/ui/description-list";
import { SectionCard } from "@/components/ui/section-card";
import {
  ADMISSION_TYPE_LABELS,
  CONSENT_SCOPE_LABELS,
  DATE_PRECISION_LABELS,
  DIAGNOSIS_GROUP_LABELS,
  DISCHARGE_DESTINATION_LABELS,
  END_REASON_LABELS,
  LIVING_ARRANGEMENT_LABELS,
  REFERRAL_SOURCE_LABELS,
  SUPPORT_CATEGORY_LABELS,
  TECHO_GRADE_LABELS,
  WARD_TYPE_LABELS,
} from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { codeText, type SectionProps } from "./shared";

/** The case's facts: referral, hospital and admission, consent, and the discharge and end once recorded. */
export function SummarySection({ detail, t, locale }: SectionProps) {
  const f = detail.fields;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t("caseDetail.notRecorded"));
  return (
    <SectionCard id="summary" title={t("caseDetail.summary.title")}>
      <DescriptionList
        items={[
          { term: t("caseDetail.summary.referralDate"), description: date(f.referralDate) },
          { term: t("caseDetail.summary.referralSource"), description: codeText(REFERRAL_SOURCE_LABELS, f.referralSource, locale, t) },
          { term: t("caseDetail.summary.hospital"), description: detail.hospital.name },
          { term: t("caseDetail.summary.wardType"), description: codeText(WARD_TYPE_LABELS, f.wardType, locale, t) },
          {
            term: t("caseDetail.summary.admissionDate"),
            description: (
              <>
                {date(f.indexAdmissionDate)}
                <span className="ml-2 text-xs text-slate-600">
                  {t("caseDetail.summary.precisionValue", { precision: codeText(DATE_PRECISION_LABELS, f.admissionDatePrecision, locale, t) })}
                </span>
              </>
            ),
          },
          { term: t("caseDetail.summary.admissionType"), description: codeText(ADMISSION_TYPE_LABELS, f.admissionType, locale, t) },
          { term: t("caseDetail.summary.diagnosisGroup"), description: codeText(DIAGNOSIS_GROUP_LABELS, f.diagnosisGroup, locale, t) },
          { term: t("caseDetail.summary.techoGrade"), description: codeText(TECHO_GRADE_LABELS, f.techoGrade, locale, t) },
          { term: t("caseDetail.summary.supportCategory"), description: codeText(SUPPORT_CATEGORY_LABELS, f.supportCategory, locale, t) },
          {
            term: t("caseDetail.summary.consent"),
            description: f.consentDate ? (
              <>
                {formatDate(f.consentDate, locale)}
                {f.consentScope && <span className="block text-slate-700">{codeText(CONSENT_SCOPE_LABELS, f.consentScope, locale, t)}</span>}
              </>
            ) : (
              <Badge tone="warning">{t("caseDetail.noConsent")}</Badge>
            ),
          },
          { term: t("caseDetail.summary.supportStartDate"), description: date(f.supportStartDate) },
          { term: t("caseDetail.summary.plannedDischargeDate"), description: date(f.plannedDischargeDate) },
          { term: t("caseDetail.summary.dischargeDate"), description: date(f.dischargeDate) },
          ...(f.dischargeDate
            ? [
                { term: t("caseDetail.summary.dischargeDestination"), description: codeText(DISCHARGE_DESTINATION_LABELS, f.dischargeDestination, locale, t) },
                { term: t("caseDetail.summary.livingArrangementAfter"), description: codeText(LIVING_ARRANGEMENT_LABELS, f.livingArrangementAfter, locale, t) },
              ]
            : []),
          ...(f.endDate
            ? [
                { term: t("caseDetail.summary.endDate"), description: date(f.endDate) },
                { term: t("caseDetail.summary.endReason"), description: codeText(END_REASON_LABELS, f.endReason, locale, t) },
              ]
            : []),
        ]}
      />
    </SectionCard>
  );
}
