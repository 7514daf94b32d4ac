"use client";
import { FormMessage } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";

/**
 * The answer to a stale save: nothing was written; each line names what someone else changed
 * and its value now. The reload link is a plain link, so a full load brings the newest version.
 */
export function ConflictBanner({ lines, reloadHref, lead }: { lines: string[]; reloadHref: string; lead?: string }) {
  const { t } = useI18n();
  return (
    <FormMessage tone="error">
      <p className="font-semibold">{t("activities.common.conflict.title")}</p>
      <p className="mt-1">{lead ?? t("errors.conflict")}</p>
      {lines.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <a href={reloadHref} className="mt-2 inline-block font-medium text-red-900 underline underline-offset-2">
        {t("activities.common.conflict.reload")}
      </a>
    </FormMessage>
  );
}
