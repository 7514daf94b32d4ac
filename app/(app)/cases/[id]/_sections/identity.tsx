import { PersonIdentityList } from "@/components/cases/person-identity";
import { ButtonLink } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/section-card";
import type { SectionProps } from "./shared";

/** The person behind the case: name, kana, date of birth, sex, municipality and contacts; a writer may correct them (ADR 0028). */
export function IdentitySection({ detail, canWrite = false, t, locale }: SectionProps & { canWrite?: boolean }) {
  return (
    <SectionCard
      id="identity"
      title={t("caseDetail.identity.title")}
      actions={
        canWrite && (
          <ButtonLink href={`/cases/${detail.id}/person`} variant="secondary">
            {t("personCorrection.open")}
          </ButtonLink>
        )
      }
    >
      <PersonIdentityList messages="caseDetail" t={t} locale={locale} identity={detail.identity} person={detail.person} />
    </SectionCard>
  );
}
