import { PhaseBadge } from "@/components/cases/phase-badge";
import { SectionCard } from "@/components/ui/section-card";
import { formatDate } from "@/lib/domain/format";
import type { SectionProps } from "./shared";

/** The phase changes of the case, oldest first, the latest marked. */
export function TimelineSection({ detail, t, locale }: SectionProps) {
  return (
    <SectionCard id="timeline" title={t("caseDetail.timeline.title")} description={t("caseDetail.timeline.description")}>
      {detail.timeline.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.timeline.empty")}</p>
      ) : (
        <ol className="relative ml-2 border-l-2 border-slate-300">
          {detail.timeline.map((event, index) => {
            const last = index === detail.timeline.length - 1;
            return (
              <li key={event.id} className="relative pb-5 pl-6 last:pb-0">
                <span
                  aria-hidden="true"
                  className={`absolute top-1 -left-[9px] size-4 rounded-full border-2 border-white ${last ? "bg-brand-700" : "bg-slate-400"}`}
                />
                <p className="text-sm font-semibold text-slate-900 tabular-nums">
                  <time dateTime={event.date}>{formatDate(event.date, locale)}</time>
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-800">
                  {event.fromPhase ? (
                    <>
                      <PhaseBadge phase={event.fromPhase} locale={locale} />
                      <span aria-hidden="true">→</span>
                      <span className="sr-only">{t("caseDetail.timeline.to")}</span>
                    </>
                  ) : (
                    <span className="font-medium">{t("caseDetail.timeline.opened")}</span>
                  )}
                  <PhaseBadge phase={event.phase} locale={locale} />
                </p>
                {event.note && <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-800">{event.note}</p>}
                <p className="mt-1 text-xs text-slate-600">{t("caseDetail.timeline.by", { name: event.by })}</p>
              </li>
            );
          })}
        </ol>
      )}
    </SectionCard>
  );
}
