import { PersonIdentityList } from "@/components/cases/person-identity";
import { SectionCard } from "@/components/ui/section-card";
import type { SectionProps } from "./shared";

/** The person behind the case: name, kana, date of birth, sex, municipality and contacts. */
export function IdentitySection({ detail, t, locale }: SectionProps) {
  return (
    <SectionCard id="identity" title={t("caseDetail.identity.title")}>
      <PersonIdentityList messages="caseDetail" t={t} locale={locale} identity={detail.identity} person={detail.person} />
    </SectionCard>
  );
}
