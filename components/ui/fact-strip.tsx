import clsx from "clsx";
import type { ReactNode } from "react";

export type Fact = { term: string; description: ReactNode };

/**
 * The strip of key facts under a record page's heading (number, status, office, …), laid out
 * across the page on a wide screen; `children` are notes below them (missing consent, expiry).
 */
export function FactStrip({ label, facts, wide = false, children }: { label: string; facts: Fact[]; /** Six across on a wide screen instead of five. */ wide?: boolean; children?: ReactNode }) {
  return (
    <section aria-label={label} className="-mt-2 rounded-md border border-slate-300 bg-white px-5 py-4 shadow-sm">
      <dl className={clsx("grid gap-x-6 gap-y-3 sm:grid-cols-2 md:grid-cols-3", wide ? "xl:grid-cols-6" : "xl:grid-cols-5")}>
        {facts.map((fact) => (
          <div key={fact.term} className="min-w-0 space-y-0.5">
            <dt className="text-xs font-medium text-slate-600">{fact.term}</dt>
            <dd className="text-sm font-medium break-words text-slate-900">{fact.description}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
