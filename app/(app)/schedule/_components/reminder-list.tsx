import Link from "next/link";
import clsx from "clsx";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/button";
import type { Reminder } from "@/lib/dal/reminders";
import type { Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";
import { reminderLabel } from "./reminder-label";

/** What a reminder is about, in words (its own module, so the schedule export reads it too). */
export { reminderLabel };

/** The rows of one day (or of the overdue group): what, whose, the date; each links to its record's section. */
export function ReminderList({ items, t, locale, label, showDate }: { items: Reminder[]; t: Translate; locale: Locale; label: string; showDate: boolean }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
      {items.map((r) => (
        <li key={`${r.kind}-${r.recordId}-${r.date}-${r.detail.offsetMonths ?? r.detail.planType ?? r.detail.trialKind ?? ""}`} data-testid="reminder-row">
          <Link
            href={r.href}
            className={clsx("flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50", focusRing)}
          >
            {showDate && <span className="whitespace-nowrap text-sm tabular-nums text-slate-700">{formatDate(r.date, locale)}</span>}
            {r.overdue && <Badge tone="danger">{t("schedule.overdueBadge")}</Badge>}
            <span className="font-medium text-brand-800 underline underline-offset-2">{reminderLabel(r, t, locale)}</span>
            <span className="min-w-0 break-words text-slate-900">{r.name}</span>
            <span className="text-sm whitespace-nowrap text-slate-600">{r.code}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
