import type { ReactNode } from "react";

/** Term/description pairs side by side from tablet width up, stacked below it. */
export function DescriptionList({ items }: { items: { term: string; description: ReactNode }[] }) {
  return (
    <dl className="divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item, index) => (
        <div key={`${index}-${item.term}`} className="grid gap-1 py-2.5 md:grid-cols-[minmax(8rem,14rem)_1fr] md:gap-4">
          <dt className="text-sm font-medium text-slate-700">{item.term}</dt>
          <dd className="text-sm break-words text-slate-900">{item.description}</dd>
        </div>
      ))}
    </dl>
  );
}
