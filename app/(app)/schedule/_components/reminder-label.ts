import type { Reminder } from "@/lib/dal/reminders";
import { CARE_PLAN_TYPE_LABELS, TRIAL_STAY_KIND_LABELS } from "@/lib/domain/case-codes";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";

/** What a reminder is about, in words: 退院後フォロー（3か月）, 計画の見直し（…）, … */
export function reminderLabel(r: Reminder, t: Translate, locale: Locale): string {
  switch (r.kind) {
    case "follow_up":
      return t("schedule.kinds.follow_up", { n: r.detail.offsetMonths ?? "" });
    case "plan_review":
      return t("schedule.kinds.plan_review", { plan: r.detail.planType ? CARE_PLAN_TYPE_LABELS[r.detail.planType][locale] : "" });
    case "trial_start":
    case "trial_end":
      return t(`schedule.kinds.${r.kind}`, { kind: r.detail.trialKind ? TRIAL_STAY_KIND_LABELS[r.detail.trialKind][locale] : "" });
    case "peer_expiry":
      return t("schedule.kinds.peer_expiry");
  }
}
