import type { Metadata } from "next";
import { cache } from "react";
import { dateInputValue } from "@/components/forms/date-input-value";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { getOutreachCaseForActor } from "@/lib/dal/outreach";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { OUTREACH_END_REASONS } from "@/lib/domain/outreach-codes";
import { endReasonsFor } from "@/lib/domain/outreach-rules";
import { getT } from "@/lib/i18n/server";
import { EditOutreachForm } from "../../_form/edit-outreach-form";
import { updateOutreachCaseAction } from "./actions";

type Params = { params: Promise<{ id: string }> };

/** One load per request for the metadata and the page; out of reach or missing is a 404. */
const loadCase = cache(async (id: string) => {
  const actor = await requirePermission("write:outreach:reach");
  return { actor, detail: orNotFound(() => getOutreachCaseForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadCase((await params).id);
  return { title: (await getT())("outreach.form.editMetaTitle", { caseNo: detail.caseNo }) };
}

export default async function EditOutreachPage({ params }: Params) {
  const { actor, detail } = await loadCase((await params).id);
  const t = await getT();
  const f = detail.fields;
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  const defaults: Record<string, string | string[]> = {
    coordinatorUserId: f.coordinatorUserId,
    targets: f.targets,
    primaryTarget: f.primaryTarget,
    teamKind: f.teamKind,
    teamName: f.teamName,
    referralDate: dateInputValue(f.referralDate),
    referralSource: f.referralSource,
    diagnosisGroup: text(f.diagnosisGroup),
    diagnosisSuspected: f.diagnosisSuspected ? "on" : "",
    selectionConferenceDate: dateInputValue(f.selectionConferenceDate),
    startDate: dateInputValue(f.startDate),
    endDate: dateInputValue(f.endDate),
    endReason: text(f.endReason),
    gafStart: text(f.gafStart),
    gafEnd: text(f.gafEnd),
  };
  // Only whoever may reassign is offered another lead; the data-access layer refuses it to anyone else.
  const staff = listCaseStaffForActor(actor, detail.office.id)
    .filter((s) => can(actor.role, "reassign:case:reach") || s.id === f.coordinatorUserId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("outreach.form.editTitle")}
        description={t("outreach.form.editDescription", { caseNo: detail.caseNo, name: `${detail.identity.familyName} ${detail.identity.givenName}` })}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/outreach", label: t("nav.outreach") },
          { href: `/outreach/${detail.id}`, label: detail.caseNo },
        ]}
      />
      <EditOutreachForm
        action={updateOutreachCaseAction}
        caseId={detail.id}
        version={detail.version}
        base={JSON.stringify(f)}
        defaults={defaults}
        staff={staff}
        hasStart={!!f.startDate}
        hasEnd={!!f.endDate}
        endReasons={endReasonsFor(f.startDate ? "active" : "referred", OUTREACH_END_REASONS)}
      />
    </div>
  );
}
