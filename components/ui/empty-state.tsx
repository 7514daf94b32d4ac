import type { ReactNode } from "react";

/** What a list shows when it has nothing yet: say so plainly and offer the next step. */
export function EmptyState({ title, description, action }: { title: string; description?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-md border border-dashed border-slate-400 bg-white px-6 py-10 text-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-10 text-slate-500">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M2.25 13.5h3.86a2.25 2.25 0 0 1 2.012 1.244l.256.512a2.25 2.25 0 0 0 2.013 1.244h3.218a2.25 2.25 0 0 0 2.013-1.244l.256-.512a2.25 2.25 0 0 1 2.013-1.244h3.859M2.25 13.5V18a2.25 2.25 0 0 0 2.25 2.25h15A2.25 2.25 0 0 0 21.75 18v-4.5M2.25 13.5l2.394-7.183A2.25 2.25 0 0 1 6.78 4.75h10.44a2.25 2.25 0 0 1 2.136 1.567L21.75 13.5"
        />
      </svg>
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {description && <p className="max-w-prose text-sm text-slate-700">{description}</p>}
      {action && <div className="mt-1">{action}</div>}
    </div>
  );
}
