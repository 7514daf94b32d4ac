import Link from "next/link";
import clsx from "clsx";
import type { ReactNode } from "react";
import { Button, ButtonLink, focusRing } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import type { Translate } from "@/lib/i18n/translate";
import { PAGE_SIZES, tableHref } from "@/lib/list-url";
import { PREFECTURE_HOST } from "@/lib/validation/activities";
import { ALL_YEARS, type ListParams } from "../_lib/params";

/* The filter fields every activity list shares; each list adds its own selects between them. */

/**
 * The fields every activity list's filters share: the search and the year first, then the
 * list's own selects, then the page size. They sit in the filter card's grid.
 */
export function ActivityFilterFields({ t, locale, list, base, q, pageSize, children }: { t: Translate; locale: Locale; list: ListParams; base: string; q: string | undefined; pageSize: number; children: ReactNode }) {
  return (
    <>
      <SearchField t={t} value={q} />
      <YearField t={t} locale={locale} list={list} base={base} />
      {children}
      <PageSizeField t={t} size={pageSize} />
    </>
  );
}

/** The filter card's grid, for a card without the heading (the 協議の場 registry has its own). */
export function ListFilterFields({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">{children}</div>;
}

export function SearchField({ t, value }: { t: Translate; value: string | undefined }) {
  return (
    <div className="sm:col-span-2">
      <TextField label={t("activities.common.filters.q")} name="q" type="search" defaultValue={value ?? ""} hint={t("activities.common.filters.qHint")} maxLength={100} />
    </div>
  );
}

/** The fiscal year: the header's by default, any other, or all years. */
export function YearField({ t, locale, list, base }: { t: Translate; locale: Locale; list: ListParams; base: string }) {
  return (
    <div className="space-y-1">
      <SelectField
        label={t("activities.common.fiscalYear")}
        name="fy"
        defaultValue={list.fiscalYear ? String(list.fiscalYear) : ALL_YEARS}
        options={[{ value: ALL_YEARS, label: t("activities.common.allYears") }, ...list.years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, locale) }))]}
      />
      {list.fiscalYear !== list.headerYear && (
        <Link href={tableHref(base, list.params, { fy: undefined, page: undefined })} className={clsx("inline-block rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
          {t("activities.common.filters.useHeaderYear", { fy: fiscalYearShortLabel(list.headerYear, locale) })}
        </Link>
      )}
    </div>
  );
}

export function FilterSelect({ label, name, value, any, options }: { label: string; name: string; value: string | undefined; any: string; options: { value: string; label: string }[] }) {
  return <SelectField label={label} name={name} defaultValue={value ?? ""} placeholder={any} options={options} />;
}

/** The host: the prefecture itself or one of the offices in reach. */
export function HostFilter({ t, label, value, offices }: { t: Translate; label: string; value: string | undefined; offices: { id: string; name: string }[] }) {
  return <FilterSelect label={label} name="host" value={value} any={t("activities.common.any")} options={[{ value: PREFECTURE_HOST, label: t("activities.common.prefecture") }, ...offices.map((o) => ({ value: o.id, label: o.name }))]} />;
}

export function PageSizeField({ t, size }: { t: Translate; size: number }) {
  return <SelectField label={t("activities.common.filters.size")} name="size" defaultValue={String(size)} options={PAGE_SIZES.map((n) => ({ value: String(n), label: t("activities.common.filters.sizeOption", { n }) }))} />;
}

export function FilterButtons({ t, clearHref }: { t: Translate; clearHref?: string }) {
  return (
    <div className="mt-4 flex flex-wrap items-center gap-4">
      <Button type="submit">{t("activities.common.filters.apply")}</Button>
      {clearHref && (
        <Link href={clearHref} className={clsx("rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
          {t("activities.common.filters.clear")}
        </Link>
      )}
    </div>
  );
}

/** A list of records with no row: nothing matches the filters (clear them), or nothing is recorded yet (record the first). */
export function RecordsEmpty({ t, clearHref, newButton }: { t: Translate; /** Set when filters are on. */ clearHref: string | undefined; newButton: ReactNode | undefined }) {
  if (clearHref) {
    return (
      <EmptyState
        title={t("activities.common.empty.filteredTitle")}
        description={t("activities.common.empty.filteredBody")}
        action={
          <ButtonLink href={clearHref} variant="secondary">
            {t("activities.common.filters.clear")}
          </ButtonLink>
        }
      />
    );
  }
  return <EmptyState title={t("activities.common.empty.noneTitle")} description={newButton ? t("activities.common.empty.noneBody") : undefined} action={newButton} />;
}
