import Link from "next/link";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/section-card";
import { OUTREACH_STATUS_LABELS } from "@/lib/domain/outreach-codes";
import type { SectionProps } from "./shared";

/**
 * The person's other records at offices in reach (their earlier cases, their outreach), and for a
 * writer the way to open a new one on the same person record (a re-referral, ADR 0029). A new
 * case waits until no case of the person in reach is open; the DAL refuses it otherwise.
 */
export function PersonRecordsSection({ detail, canOpenCase, canOpenOutreach, t, locale }: SectionProps & { canOpenCase: boolean; canOpenOutreach: boolean }) {
  const hasOpenCase = detail.phase !== "closed" || detail.personRecords.some((r) => r.kind === "case" && r.phase !== "closed");
  const personId = detail.person.id;
  return (
    <SectionCard id="person-records" title={t("caseDetail.personRecords.title")} description={t("caseDetail.personRecords.description")}>
      {detail.personRecords.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.personRecords.empty")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {detail.personRecords.map((r) => (
            <li key={`${r.kind}-${r.id}`} className="flex flex-wrap items-center gap-2">
              <Link
                href={r.kind === "case" ? `/cases/${r.id}` : `/outreach/${r.id}`}
                className={`font-medium text-brand-800 tabular-nums underline underline-offset-2 hover:text-brand-900 ${focusRing}`}
              >
                {r.kind === "case" ? t("caseDetail.personRecords.caseNo", { caseNo: r.caseNo }) : t("caseDetail.personRecords.outreachNo", { caseNo: r.caseNo })}
              </Link>
              {r.kind === "case" ? <PhaseBadge phase={r.phase} locale={locale} /> : <span className="text-slate-700">{OUTREACH_STATUS_LABELS[r.status][locale]}</span>}
              <span className="text-slate-600">{r.officeName}</span>
            </li>
          ))}
        </ul>
      )}
      {(canOpenCase || canOpenOutreach) && (
        <div className="mt-4 flex flex-wrap gap-2">
          {canOpenCase &&
            (hasOpenCase ? (
              <p className="text-sm text-slate-700">{t("caseDetail.personRecords.hasOpenCase")}</p>
            ) : (
              <ButtonLink href={`/cases/new?person=${encodeURIComponent(personId)}`} variant="secondary" size="sm">
                {t("caseDetail.personRecords.newCase")}
              </ButtonLink>
            ))}
          {canOpenOutreach && (
            <ButtonLink href={`/outreach/new?person=${encodeURIComponent(personId)}`} variant="secondary" size="sm">
              {t("caseDetail.personRecords.newOutreach")}
            </ButtonLink>
          )}
        </div>
      )}
    </SectionCard>
  );
}
