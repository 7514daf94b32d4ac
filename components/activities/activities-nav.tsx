"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";

const ITEMS = [
  { href: "/activities", key: "overview", exact: true },
  { href: "/activities/meetings", key: "meetings" },
  { href: "/activities/kyogi", key: "kyogi" },
  { href: "/activities/trainings", key: "trainings" },
  { href: "/activities/events", key: "events" },
  { href: "/activities/monthly", key: "monthly" },
] as const;

/** The section's tabs; the one whose pages are shown is marked aria-current. */
export function ActivitiesNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("activities.nav.label")} className="mb-5 border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {ITEMS.map((item) => {
          const current = "exact" in item ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "inline-block rounded-t-md border px-3 py-2 text-sm font-medium sm:px-4",
                  current ? "border-slate-300 border-b-white bg-white text-brand-800" : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                  focusRing,
                )}
              >
                {t(`activities.nav.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
