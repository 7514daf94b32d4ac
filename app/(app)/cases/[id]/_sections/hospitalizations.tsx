import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import { ADMISSION_TYPE_LABELS } from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { ReadmissionDialog } from "../_components/readmission-dialog";
import { codeText, type SectionProps } from "./shared";

/**
 * The index admission and any readmissions. After discharge a writer records a readmission,
 * choosing from `hospitals` (loaded by the page only then).
 */
export function HospitalizationSection({
  detail,
  canWrite,
  hospitals,
  t,
  locale,
}: SectionProps & { canWrite: boolean; hospitals: { id: string; name: string }[] }) {
  const canAdd = canWrite && !!detail.fields.dischargeDate;
  return (
    <SectionCard
      id="hospitalizations"
      title={t("caseDetail.hospitalization.title")}
      actions={
        canAdd && (
          <ReadmissionDialog
            caseId={detail.id}
            hospitals={hospitals}
            defaultHospitalId={hospitals.some((h) => h.id === detail.hospital.id) ? detail.hospital.id : ""}
          />
        )
      }
    >
      <ul className="divide-y divide-slate-200 border-y border-slate-200">
        {detail.hospitalizations.map((h) => (
          <li key={h.id} className="space-y-1 py-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={h.isIndex ? "neutral" : "warning"}>{t(h.isIndex ? "caseDetail.hospitalization.index" : "caseDetail.hospitalization.readmission")}</Badge>
              <span className="font-semibold text-slate-900">{h.hospitalName}</span>
            </p>
            <p className="text-slate-800 tabular-nums">
              {t("caseDetail.hospitalization.period", {
                from: formatDate(h.admissionDate, locale),
                to: h.dischargeDate ? formatDate(h.dischargeDate, locale) : t("caseDetail.hospitalization.stillIn"),
              })}
              {h.admissionType && <span className="ml-2 text-slate-700">{codeText(ADMISSION_TYPE_LABELS, h.admissionType, locale, t)}</span>}
            </p>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
