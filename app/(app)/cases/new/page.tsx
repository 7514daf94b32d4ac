import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getCaseFormOptionsForActor, listCaseStaffForActor } from "@/lib/dal/cases";
import { getKnownPersonForActor } from "@/lib/dal/person-lookup";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { NewCaseForm } from "../_form/new-case-form";
import { createCaseAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("caseForm.newTitle") };
}

type Props = { searchParams: Promise<{ person?: string | string[] }> };

export default async function NewCasePage({ searchParams }: Props) {
  const actor = await requirePermission("write:case:reach");
  // ?person=… (from a case page): a new case for a person already known in reach (ADR 0029).
  const { person } = await searchParams;
  const personId = typeof person === "string" ? person : "";
  const knownPerson = personId ? getKnownPersonForActor(actor, "case", personId) : null;
  const t = await getT();
  const { offices, municipalities } = getCaseFormOptionsForActor(actor);
  // The actor's own (first) office comes first; a supervisor may also open cases in a branch.
  const defaultOfficeId = actor.assignedOfficeIds.find((id) => offices.some((o) => o.id === id)) ?? offices[0]?.id ?? "";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("caseForm.newTitle")}
        description={t("caseForm.newDescription")}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/cases", label: t("nav.cases") },
        ]}
      />
      <NewCaseForm
        action={createCaseAction}
        offices={offices.map((o) => ({ value: o.id, label: o.name }))}
        municipalities={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        hospitals={listHospitalsForActor(actor).map((h) => ({ value: h.id, label: h.name }))}
        staff={listCaseStaffForActor(actor)}
        defaultOfficeId={defaultOfficeId}
        actorId={actor.id}
        initialPerson={knownPerson}
      />
    </div>
  );
}
