import type { Metadata } from "next";
import { cache } from "react";
import { dateInputValue } from "@/components/forms/date-input-value";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getCaseForActor, listCaseStaffForActor } from "@/lib/dal/cases";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { CASE_RECORD_FIELDS } from "@/lib/validation/case";
import { EditCaseForm } from "../../_form/edit-case-form";
import { updateCaseAction } from "./actions";

type Params = { params: Promise<{ id: string }> };

/** One load per request for the metadata and the page; out of reach or missing is a 404. */
const loadCase = cache(async (id: string) => {
  const actor = await requirePermission("write:case:reach");
  return { actor, detail: orNotFound(() => getCaseForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadCase((await params).id);
  // The case number only: a name never goes into a <title>.
  return { title: (await getT())("caseForm.editMetaTitle", { caseNo: detail.caseNo }) };
}

export default async function EditCasePage({ params }: Params) {
  const { actor, detail } = await loadCase((await params).id);
  const t = await getT();
  const f = detail.fields;
  const defaults: Record<string, string> = {};
  for (const field of CASE_RECORD_FIELDS) {
    const stored = f[field];
    defaults[field] = field.endsWith("Date") ? dateInputValue(stored) : (stored ?? "");
  }
  // An inactive hospital stays choosable for the case that already has it.
  const hospitals = listHospitalsForActor(actor, { includeInactive: true })
    .filter((h) => h.active || h.id === f.hospitalId)
    .map((h) => ({ value: h.id, label: h.name }));
  // Only whoever may reassign is offered another lead; the data-access layer refuses it to anyone else.
  const staff = listCaseStaffForActor(actor, detail.office.id)
    .filter((s) => can(actor.role, "reassign:case:reach") || s.id === f.coordinatorUserId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("caseForm.editTitle")}
        description={t("caseForm.editDescription", { caseNo: detail.caseNo, name: `${detail.identity.familyName} ${detail.identity.givenName}` })}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/cases", label: t("nav.cases") },
          { href: `/cases/${detail.id}`, label: detail.caseNo },
        ]}
      />
      <EditCaseForm
        action={updateCaseAction}
        caseId={detail.id}
        version={detail.version}
        base={JSON.stringify(f)}
        defaults={defaults}
        dischargeDate={f.dischargeDate}
        endDate={f.endDate}
        hospitals={hospitals}
        staff={staff}
      />
    </div>
  );
}
