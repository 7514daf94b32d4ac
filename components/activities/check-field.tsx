import clsx from "clsx";
import { focusRing } from "@/components/ui/button";

/** One labelled checkbox; remounts when the re-filled value changes, so React's form reset lands on it. */
export function Check({ name, label, checked, id }: { name: string; label: string; checked: boolean; id?: string }) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="flex items-center gap-2">
      <input key={String(checked)} id={fieldId} type="checkbox" name={name} defaultChecked={checked} className={clsx("size-4 shrink-0 rounded-sm accent-brand-700", focusRing)} />
      <label htmlFor={fieldId} className="text-sm text-slate-800">
        {label}
      </label>
    </div>
  );
}
