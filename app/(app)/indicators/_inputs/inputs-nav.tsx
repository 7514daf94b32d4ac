import { TabNav } from "@/components/ui/tab-nav";
import type { Translate } from "@/lib/i18n/translate";

export type InputsSection = "statistics" | "targets" | "sheet";

const HREF: Record<InputsSection, string> = { statistics: "/indicators/statistics", targets: "/indicators/targets", sheet: "/indicators/sheet-settings" };

/** The three input pages of the sheet, as tabs under the 達成度指標 section. */
export function InputsNav({ t, current }: { t: Translate; current: InputsSection }) {
  return (
    <div className="mb-5">
      <TabNav label={t("indicatorInputs.nav.label")} current={current} tabs={(["statistics", "targets", "sheet"] as const).map((key) => ({ key, href: HREF[key], label: t(`indicatorInputs.nav.${key}`) }))} />
    </div>
  );
}

/** The breadcrumbs above an input page: the indicators dashboard, then (below a list) the list. */
export function inputCrumbs(t: Translate, section?: InputsSection): { href: string; label: string }[] {
  return [{ href: "/indicators", label: t("indicatorInputs.common.section") }, ...(section ? [{ href: HREF[section], label: t(`indicatorInputs.nav.${section}`) }] : [])];
}
