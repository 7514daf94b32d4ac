import Link from "next/link";
import clsx from "clsx";
import { DispatchStatusBadge } from "@/components/peers/status-badges";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/section-card";
import type { listDispatchesOfCaseForActor } from "@/lib/dal/peer-dispatch-list";
import { codeLabel, type Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";

/** ピアサポーター派遣 linked to this case (ピア関与), with a way to record one for it. */
export function PeerDispatchSection({
  caseId,
  officeId,
  dispatches,
  canWrite,
  t,
  locale,
}: {
  caseId: string;
  officeId: string;
  dispatches: ReturnType<typeof listDispatchesOfCaseForActor>;
  canWrite: boolean;
  t: Translate;
  locale: Locale;
}) {
  return (
    <SectionCard
      id="peer-dispatches"
      title={t("caseDetail.peers.title")}
      actions={
        canWrite && (
          <ButtonLink href={`/peers/dispatches/new?officeId=${officeId}&caseId=${caseId}`} variant="secondary" size="sm">
            {t("caseDetail.peers.record")}
          </ButtonLink>
        )
      }
    >
      {dispatches.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.peers.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {dispatches.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/peers/dispatches/${d.id}`} className={clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                {formatDate(d.date, locale)} {codeLabel(PEER_PURPOSE_LABELS, d.purpose, locale)}
              </Link>
              <span className="flex items-center gap-2">
                <span className="font-mono text-xs text-slate-700">{d.members.join(" ")}</span>
                <DispatchStatusBadge status={d.status} locale={locale} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
