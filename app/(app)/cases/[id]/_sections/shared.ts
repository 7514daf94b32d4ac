import type { CaseDetail } from "@/lib/dal/cases";
import type { Label, Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";

/*
 * What the sections of the case page (app/(app)/cases/[id]/page.tsx) share. Each section is a
 * server component that renders one card from the loaded case; the page decides what the viewer
 * may do and passes it in (canWrite, the extra rows it loaded), so no section loads or decides.
 */

/** What every section gets: the loaded case and the viewer's language. */
export type SectionProps = { detail: CaseDetail; t: Translate; locale: Locale };

/** The label of an optional code, or "未記録". */
export function codeText<K extends string>(labels: Readonly<Record<K, Label>>, code: string | null, locale: Locale, t: Translate): string {
  return code && code in labels ? labels[code as K][locale] : t("caseDetail.notRecorded");
}
