import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "./button";

/** One filter chip with its count; the filter lives in the URL, so a chip is a link. */
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

/**
 * The chips above a list for one code filter (phase, status): "all" with the sum first, then one
 * chip per code. The counts come from the list's own filter without this code, so each chip says
 * how many rows choosing it would show.
 */
export function CountChips<K extends string>({
  label,
  allLabel,
  codes,
  counts,
  current,
  labelOf,
  hrefOf,
}: {
  /** The nav's accessible name. */
  label: string;
  allLabel: string;
  codes: readonly K[];
  counts: Record<K, number>;
  current: K | undefined;
  labelOf: (code: K) => string;
  /** The list's URL with this code chosen (undefined: the filter cleared). */
  hrefOf: (code: K | undefined) => string;
}) {
  const all = codes.reduce((sum, code) => sum + counts[code], 0);
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        <CountChip href={hrefOf(undefined)} current={!current} label={allLabel} count={all} strong />
        {codes.map((code) => (
          <CountChip key={code} href={hrefOf(code)} current={current === code} label={labelOf(code)} count={counts[code]} />
        ))}
      </ul>
    </nav>
  );
}
