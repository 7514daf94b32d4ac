"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";

/** `badge`: a count drawn after the label; `hint` says what it counts (its accessible text and tooltip). */
export type MainNavItem = { href: string; label: string; badge?: { count: number; hint: string } };

/** Highlights the section the user is in; `aria-current` tells screen readers the same. */
export function MainNav({ items, label }: { items: MainNavItem[]; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? "page" : undefined}
              className={clsx(
                "block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white",
                isCurrent(item.href) ? "bg-white text-teal-900" : "text-white hover:bg-teal-700",
              )}
            >
              {item.label}
              {item.badge && (
                <span
                  title={item.badge.hint}
                  data-testid={`nav-badge-${item.href.slice(1)}`}
                  className="ml-1.5 inline-block min-w-5 rounded-full bg-amber-300 px-1.5 text-center text-xs font-semibold text-amber-950 tabular-nums"
                >
                  <span aria-hidden="true">{item.badge.count}</span>
                  <span className="sr-only">{item.badge.hint}</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
