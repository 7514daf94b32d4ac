import type { Metadata } from "next";
import { cache } from "react";
import { dateInputValue } from "@/components/forms/date-input-value";
import { PersonCorrectionForm } from "@/components/cases/person-correction-form";
import { PageHeader } from "@/components/ui/page-header";
import { listMunicipalitiesForActor } from "@/lib/dal/org";
import { getPersonForCorrection } from "@/lib/dal/persons";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { correctionDefaults } from "@/lib/validation/person";
import { correctCasePersonAction } from "./actions";

type Params = { params: Promise<{ id: string }> };

/** One load per request for the metadata and the page (the view of the identity is audited once). */
const load = cache(async (id: string) => {
  const actor = await requirePermission("write:case:reach");
  return { actor, person: orNotFound(() => getPersonForCorrection(actor, "case", id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { person } = await load((await params).id);
  // The case number only: a name never goes into a <title>.
  return { title: (await getT())("personCorrection.metaTitle", { caseNo: person.caseNo }) };
}

/** Correct the person of a case (ADR 0028): their name, reading, birth, sex, municipality and contacts. */
export default async function CorrectCasePersonPage({ params }: Params) {
  const { actor, person } = await load((await params).id);
  const t = await getT();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("personCorrection.title")}
        description={t("personCorrection.description", { caseNo: person.caseNo })}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/cases", label: t("nav.cases") },
          { href: `/cases/${person.recordId}`, label: person.caseNo },
        ]}
      />
      <PersonCorrectionForm
        action={correctCasePersonAction}
        messages="caseForm"
        from="case"
        recordId={person.recordId}
        version={person.version}
        base={JSON.stringify(person.values)}
        defaults={correctionDefaults(person.values, dateInputValue)}
        municipalities={listMunicipalitiesForActor(actor).map((m) => ({ value: m.code, label: m.name }))}
        recordHref={`/cases/${person.recordId}`}
      />
    </div>
  );
}
