import type { Translate } from "@/lib/i18n/translate";

/** The section's lists whose pages share their shape (list, new, detail, edit). */
export type ActivitySection = "meetings" | "trainings" | "events" | "kyogi";

/** The breadcrumbs above a page of one list: the section, then the list. */
export function sectionCrumbs(t: Translate, section: ActivitySection): { href: string; label: string }[] {
  return [
    { href: "/activities", label: t("activities.title") },
    { href: `/activities/${section}`, label: t(`activities.${section}.title`) },
  ];
}
