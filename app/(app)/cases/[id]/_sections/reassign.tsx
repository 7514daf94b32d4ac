import { SectionCard } from "@/components/ui/section-card";
import { ReassignForm } from "../_components/reassign-form";
import type { SectionProps } from "./shared";

/** Hand the case to another coordinator of the office (`staff`), for a role that may reassign. */
export function ReassignSection({ detail, staff, t }: Omit<SectionProps, "locale"> & { staff: { id: string; name: string }[] }) {
  return (
    <SectionCard id="reassign" title={t("caseDetail.reassign.title")} description={t("caseDetail.reassign.description")}>
      <p className="mb-3 text-sm text-slate-800">{t("caseDetail.reassign.current", { name: detail.coordinator.name })}</p>
      <ReassignForm
        caseId={detail.id}
        version={detail.version}
        currentId={detail.coordinator.id}
        staff={staff}
      />
    </SectionCard>
  );
}
