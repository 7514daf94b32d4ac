import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "./button";

export type Tab = { key: string; href: string; label: string };

/**
 * Tabs that are links (a list's scope, a section's halves): each tab is its own URL, so the
 * choice survives a reload and a bookmark. The current one is marked aria-current="page".
 */
export function TabNav({ label, tabs, current }: { label: string; tabs: readonly Tab[]; current: string }) {
  return (
    <nav aria-label={label} className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={clsx(
                "inline-block rounded-t-md border px-4 py-2 text-sm font-medium",
                tab.key === current ? "border-slate-300 border-b-white bg-white text-brand-800" : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                focusRing,
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
