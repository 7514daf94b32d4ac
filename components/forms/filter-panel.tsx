import Link from "next/link";
import clsx from "clsx";
import type { ReactNode } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { queryKey } from "@/lib/list-url";
import { FilterForm } from "./filter-form";

/**
 * The filter card above a list: a heading, the GET form with its fields in a grid, 絞り込む and
 * (when something is filtered) a link that clears the filters. The form remounts whenever the
 * URL changes, so its uncontrolled fields always show what the URL says.
 */
export function FilterPanel({
  headingId,
  heading,
  action,
  params,
  hidden = {},
  applyLabel,
  clear,
  children,
  after,
}: {
  headingId: string;
  /** The card's h2 and the search form's accessible name. */
  heading: string;
  /** The list's path. */
  action: string;
  /** The URL's current query. */
  params: Record<string, string | undefined>;
  /** Parameters the form carries along unseen (scope, a chosen sort or chip); undefined ones are left out. */
  hidden?: Record<string, string | undefined>;
  applyLabel: string;
  /** The clear link, shown when there are filters to clear. */
  clear?: { href: string; label: string };
  /** The fields, laid out in the card's grid. */
  children: ReactNode;
  /** Notes below the form. */
  after?: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-300 bg-white p-4 shadow-sm print:hidden">
      <h2 id={headingId} className="mb-3 text-base font-semibold text-slate-900">
        {heading}
      </h2>
      <FilterForm key={queryKey(params)} action={action} label={heading}>
        {Object.entries(hidden).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">{children}</div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit">{applyLabel}</Button>
          {clear && (
            <Link href={clear.href} className={clsx("rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
              {clear.label}
            </Link>
          )}
        </div>
      </FilterForm>
      {after}
    </section>
  );
}
