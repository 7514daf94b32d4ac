"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { focusRing } from "./button";

/**
 * A client component only for the breadcrumb label, so it can be used in server pages and
 * inside client trees alike.
 */
export function PageHeader({
  title,
  description,
  actions,
  breadcrumbs,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  breadcrumbs?: { href: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <header className="mb-6 space-y-2">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label={t("ui.breadcrumbs")}>
          <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
            {breadcrumbs.map((crumb) => (
              <li key={crumb.href} className="flex items-center gap-2">
                <Link
                  href={crumb.href}
                  className={`rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900 ${focusRing}`}
                >
                  {crumb.label}
                </Link>
                <span aria-hidden="true" className="text-slate-500">
                  /
                </span>
              </li>
            ))}
            <li aria-current="page" className="text-slate-700">
              {title}
            </li>
          </ol>
        </nav>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl leading-snug font-bold text-slate-900">{title}</h1>
          {description && <p className="max-w-prose text-sm text-slate-700">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}
