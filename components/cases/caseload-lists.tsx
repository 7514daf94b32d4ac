import Link from "next/link";
import clsx from "clsx";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { TabNav } from "@/components/ui/tab-nav";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import type { Translate } from "@/lib/i18n/translate";
import { LIST_SCOPES, scopeHref, type ListScope, type QueryValues } from "@/lib/list-url";

/*
 * What the two lists of a caseload share: the discharge-support cases (/cases) and the outreach
 * cases (/outreach). Both are "my cases" or "the office's", filter by the year a case was open,
 * and explain an empty list the same way. Texts come from each list's own catalog section
 * (`messages`), which has the same keys in both. The scope's URL rules (listScopeOf, scopeHref)
 * live with the other list URL state in lib/list-url.ts.
 */

type Messages = "caseList" | "outreach.list";

/** The mine/office tabs; each links to the list in that scope (`scopeHref`). */
export function ListScopeTabs({ messages, t, basePath, params, scope }: { messages: Messages; t: Translate; basePath: string; params: QueryValues; scope: ListScope }) {
  return (
    <TabNav
      label={t(`${messages}.scope.label`)}
      current={scope}
      tabs={LIST_SCOPES.map((s) => ({
        key: s,
        href: scopeHref(basePath, params, s),
        label: t(s === "mine" ? `${messages}.scope.mine` : `${messages}.scope.office`),
      }))}
    />
  );
}

/**
 * The year filter: cases open at some point of the year, or all years. When the list shows
 * another year than the header's 年度, a link switches to that one.
 */
export function FiscalYearFilter({
  messages,
  t,
  locale,
  years,
  value,
  headerYear,
  headerYearHref,
}: {
  messages: Messages;
  t: Translate;
  locale: Locale;
  years: number[];
  value: number | undefined;
  headerYear: number;
  headerYearHref: string;
}) {
  return (
    <div className="space-y-1">
      <SelectField
        label={t(`${messages}.filters.fiscalYear`)}
        name="fy"
        defaultValue={value ? String(value) : ""}
        placeholder={t(`${messages}.filters.allYears`)}
        hint={t(`${messages}.filters.fiscalYearHint`)}
        options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, locale) }))}
      />
      {value !== headerYear && (
        <Link href={headerYearHref} className={clsx("inline-block rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
          {t(`${messages}.filters.useHeaderYear`, { fy: fiscalYearShortLabel(headerYear, locale) })}
        </Link>
      )}
    </div>
  );
}

/**
 * Why the list is empty, with the way on: the filters hide everything (clear them), I have no
 * cases of my own (show the office's), or there are none yet (register one, if the role may).
 */
export function ListEmptyState({
  messages,
  t,
  filtered,
  scope,
  clearHref,
  officeHref,
  newHref,
}: {
  messages: Messages;
  t: Translate;
  filtered: boolean;
  scope: ListScope;
  clearHref: string;
  officeHref: string;
  /** The new-record page, for a role that may register one. */
  newHref?: string;
}) {
  if (filtered) {
    return (
      <EmptyState
        title={t(`${messages}.empty.filteredTitle`)}
        description={t(`${messages}.empty.filteredBody`)}
        action={
          <ButtonLink href={clearHref} variant="secondary">
            {t(`${messages}.empty.clear`)}
          </ButtonLink>
        }
      />
    );
  }
  if (scope === "mine") {
    return (
      <EmptyState
        title={t(`${messages}.empty.mineTitle`)}
        description={t(`${messages}.empty.mineBody`)}
        action={
          <ButtonLink href={officeHref} variant="secondary">
            {t(`${messages}.empty.showOffice`)}
          </ButtonLink>
        }
      />
    );
  }
  return (
    <EmptyState
      title={t(`${messages}.empty.noneTitle`)}
      description={newHref ? t(`${messages}.empty.noneBody`) : undefined}
      action={newHref ? <ButtonLink href={newHref}>{t(`${messages}.newCase`)}</ButtonLink> : undefined}
    />
  );
}
