import { DescriptionList } from "@/components/ui/description-list";
import { SEX_LABELS } from "@/lib/domain/case-codes";
import type { Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";

type Messages = "caseDetail" | "outreach.detail";

/**
 * The person's identity on a case page (discharge support or outreach): name, kana, date of
 * birth (else the birth month), sex, municipality and contacts, with 未記録 for what is missing.
 * `extra` rows follow (the office that keeps the person's record, where it is another one).
 */
export function PersonIdentityList({
  messages,
  t,
  locale,
  identity,
  person,
  extra = [],
}: {
  messages: Messages;
  t: Translate;
  locale: Locale;
  identity: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string; dateOfBirth: string | null; phone: string | null; address: string | null };
  person: { birthYearMonth: string; sex: string; municipalityName: string | null };
  extra?: { term: string; description: string }[];
}) {
  const notRecorded = t(`${messages}.notRecorded`);
  return (
    <DescriptionList
      items={[
        { term: t(`${messages}.identity.name`), description: `${identity.familyName} ${identity.givenName}` },
        { term: t(`${messages}.identity.kana`), description: `${identity.familyNameKana} ${identity.givenNameKana}` },
        identity.dateOfBirth
          ? { term: t(`${messages}.identity.dateOfBirth`), description: formatDate(identity.dateOfBirth, locale) }
          : {
              term: t(`${messages}.identity.birthYearMonth`),
              description: t(`${messages}.identity.birthYearMonthValue`, { year: person.birthYearMonth.slice(0, 4), month: Number(person.birthYearMonth.slice(5, 7)) }),
            },
        { term: t(`${messages}.identity.sex`), description: person.sex in SEX_LABELS ? SEX_LABELS[person.sex as keyof typeof SEX_LABELS][locale] : notRecorded },
        { term: t(`${messages}.identity.municipality`), description: person.municipalityName ?? notRecorded },
        { term: t(`${messages}.identity.phone`), description: identity.phone ?? notRecorded },
        { term: t(`${messages}.identity.address`), description: identity.address ?? notRecorded },
        ...extra,
      ]}
    />
  );
}
