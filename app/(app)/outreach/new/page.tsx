import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { getOutreachFormOptionsForActor } from "@/lib/dal/outreach";
import { getKnownPersonForActor } from "@/lib/dal/person-lookup";
import { requirePermission } from "@/lib/dal/session";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getT } from "@/lib/i18n/server";
import { NewOutreachForm } from "../_form/new-outreach-form";
import { createOutreachCaseAction, searchOutreachPersonsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("outreach.form.newTitle") };
}

type Props = { searchParams: Promise<{ person?: string | string[] }> };

export default async function NewOutreachPage({ searchParams }: Props) {
  const actor = await requirePermission("write:outreach:reach");
  // ?person=… (from a case page): the referral is for a person already known in reach.
  const { person } = await searchParams;
  const knownPerson = typeof person === "string" && person ? getKnownPersonForActor(actor, "outreach", person) : null;
  const t = await getT();
  const options = getOutreachFormOptionsForActor(actor);
  // The actor's own (first) office comes first; a supervisor may also refer from a branch.
  const defaultOfficeId = actor.assignedOfficeIds.find((id) => options.offices.some((o) => o.id === id)) ?? options.offices[0]?.id ?? "";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("outreach.form.newTitle")}
        description={t("outreach.form.newDescription")}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/outreach", label: t("nav.outreach") },
        ]}
      />
      <NewOutreachForm
        action={createOutreachCaseAction}
        search={searchOutreachPersonsAction}
        offices={options.offices.map((o) => ({ value: o.id, label: o.name }))}
        municipalities={options.municipalities.map((m) => ({ value: m.code, label: m.name }))}
        staff={listCaseStaffForActor(actor)}
        lastTeamByOffice={options.lastTeamByOffice}
        defaultOfficeId={defaultOfficeId}
        actorId={actor.id}
        today={todayIso()}
        initialPerson={knownPerson}
      />
    </div>
  );
}
