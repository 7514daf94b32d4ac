"use client";
import { FormMessage } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";

/**
 * The answer to a stale save of an edit form: nothing was written; each line names a field
 * someone else changed and its value now. The reload link is a plain link, so a full load brings
 * the newest values and version (and drops what was typed, as its label says).
 */
export function ConflictMessage({ title, lines, reloadHref, reloadLabel, by }: { title: string; lines: string[]; reloadHref: string; reloadLabel: string; by?: string }) {
  const { t } = useI18n();
  return (
    <FormMessage tone="error">
      <p className="font-semibold">{title}</p>
      {/* Whose save won, when the server knows (a colleague by name, or the user's other tab). */}
      <p className="mt-1">{by ?? t("errors.conflict")}</p>
      <ul className="mt-2 list-disc space-y-0.5 pl-5">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <a href={reloadHref} className="mt-2 inline-block font-medium text-red-900 underline underline-offset-2">
        {reloadLabel}
      </a>
    </FormMessage>
  );
}
