import type { Metadata } from "next";
import { cache } from "react";
import { dateInputValue } from "@/components/forms/date-input-value";
import { PersonCorrectionForm, type PersonCorrectionState } from "@/components/cases/person-correction-form";
import { PageHeader } from "@/components/ui/page-header";
import { listMunicipalitiesForActor } from "@/lib/dal/org";
import { getPersonForCorrection } from "@/lib/dal/persons";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { correctionDefaults } from "@/lib/validation/person";

/*
 * The person-correction page (ADR 0028), the same from a case and from an outreach case: the
 * record it is opened from decides the permission, the breadcrumbs and the form's wording.
 */

type Source = "case" | "outreach";

const SOURCES = {
  case: { permission: "write:case:reach", list: "/cases", nav: "nav.cases", messages: "caseForm" },
  outreach: { permission: "write:outreach:reach", list: "/outreach", nav: "nav.outreach", messages: "outreach.form" },
} as const;

/** One load per request for the metadata and the page (the view of the identity is audited once). */
const load = cache(async (from: Source, id: string) => {
  const actor = await requirePermission(SOURCES[from].permission);
  return { actor, person: orNotFound(() => getPersonForCorrection(actor, from, id)) };
});

export async function personCorrectionMetadata(from: Source, id: string): Promise<Metadata> {
  const { person } = await load(from, id);
  // The case number only: a name never goes into a <title>.
  return { title: (await getT())("personCorrection.metaTitle", { caseNo: person.caseNo }) };
}

export async function PersonCorrectionPage({
  from,
  id,
  action,
}: {
  from: Source;
  id: string;
  action: (prev: PersonCorrectionState, formData: FormData) => Promise<PersonCorrectionState>;
}) {
  const { actor, person } = await load(from, id);
  const t = await getT();
  const source = SOURCES[from];
  const recordHref = `${source.list}/${person.recordId}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("personCorrection.title")}
        description={t("personCorrection.description", { caseNo: person.caseNo })}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: source.list, label: t(source.nav) },
          { href: recordHref, label: person.caseNo },
        ]}
      />
      <PersonCorrectionForm
        action={action}
        messages={source.messages}
        from={from}
        recordId={person.recordId}
        version={person.version}
        base={JSON.stringify(person.values)}
        defaults={correctionDefaults(person.values, dateInputValue)}
        municipalities={listMunicipalitiesForActor(actor).map((m) => ({ value: m.code, label: m.name }))}
        recordHref={recordHref}
      />
    </div>
  );
}
