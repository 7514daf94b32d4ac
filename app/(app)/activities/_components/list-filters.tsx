import Link from "next/link";
import clsx from "clsx";
import type { ReactNode } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { tableHref } from "@/components/ui/table-href";
import { PAGE_SIZES } from "@/lib/dal/pagination";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import type { Translate } from "@/lib/i18n/translate";
import { ALL_YEARS, type ListParams } from "../_lib/params";

/* The filter fields every activity list shares; each list adds its own selects between them. */

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
