import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";

/** The two halves of the peer section: the registry and the dispatches. */
export function PeersTabs({ current, t }: { current: "registry" | "dispatches"; t: Translate }) {
  const tabs = [
    { key: "registry", href: "/peers", label: t("peers.tabs.registry") },
    { key: "dispatches", href: "/peers/dispatches", label: t("peers.tabs.dispatches") },
  ] as const;
  return (
    <nav aria-label={t("peers.tabs.label")} className="border-b border-slate-300">
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

/** A filter chip with a count (status chips above the lists), kept in the URL like the cases list. */
export function CountChip({ href, current, label, count, strong }: { href: string; current: boolean; label: string; count: number; strong?: boolean }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "true" : undefined}
        className={clsx(
          "inline-flex min-h-9 items-center gap-2 rounded-full border px-3 py-1 text-sm",
          current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-800 hover:bg-brand-50",
          strong && "font-semibold",
          focusRing,
        )}
      >
        <span>{label}</span>
        <span
          className={clsx(
            "rounded-full px-2 text-xs font-semibold tabular-nums",
            current ? "bg-white text-brand-800" : count === 0 ? "bg-slate-100 text-slate-600" : "bg-slate-200 text-slate-900",
          )}
        >
          {count.toLocaleString("ja-JP")}
        </span>
      </Link>
    </li>
  );
}
