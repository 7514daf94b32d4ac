import clsx from "clsx";
import type { ReactNode } from "react";
import { focusRing } from "./button";

/** Header and body cells of the plain record tables on detail pages (activities, contacts, audit rows). */
export const thClass = "px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700";
export const tdClass = "px-3 py-2 align-top text-slate-900";

/**
 * A table that scrolls inside its own box (`className`: the box's size, overflow and border)
 * rather than widening the page on a tablet. The box is a focusable region named by the table's
 * caption, so keyboard users can scroll it too.
 */
export function TableRegion({ caption, className, children }: { caption: string; className: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className={clsx(className, focusRing)}>
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
