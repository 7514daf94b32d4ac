import { useId, type ReactNode } from "react";

/** One titled block of a long form: a region with a heading (reachable by heading), its fields in two columns. */
export function FormSection({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-300 bg-white p-5 shadow-sm">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {note && <p className="mt-1 text-sm text-slate-700">{note}</p>}
      <div className="mt-4 grid gap-x-6 gap-y-4 md:grid-cols-2">{children}</div>
    </section>
  );
}
