import clsx from "clsx";
import type { ReactNode } from "react";

export function Card({
  title,
  children,
  className,
  headingLevel = 2,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const Root = title ? "section" : "div";
  return (
    <Root className={clsx("rounded-md border border-slate-300 bg-white p-5 shadow-sm", className)}>
      {title && <Heading className="mb-3 text-base font-semibold text-slate-900">{title}</Heading>}
      {children}
    </Root>
  );
}

/** A headline figure for dashboards; a <dl> so the label is announced with the value. */
export function StatCard({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <dl className="flex flex-col gap-1 rounded-md border border-slate-300 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="text-3xl leading-tight font-semibold text-brand-800 tabular-nums">
        {typeof value === "number" ? value.toLocaleString("ja-JP") : value}
      </dd>
      {hint && <dd className="text-xs text-slate-600">{hint}</dd>}
    </dl>
  );
}
