import clsx from "clsx";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/button";

/** A wide table that scrolls sideways on a tablet: a focusable region named like the table, so the keyboard can scroll it too. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={clsx("relative overflow-x-auto rounded-md border border-slate-300 bg-white shadow-sm", focusRing)}>
      {children}
    </div>
  );
}
