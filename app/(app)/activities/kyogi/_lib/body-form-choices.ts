import type { getKyogiFormOptionsForActor } from "@/lib/dal/kyogi";
import type { Translate } from "@/lib/i18n/translate";
import { hostOptions } from "../../_lib/form-defaults";

/**
 * What the 協議の場 form offers, for a new body and an edit alike: the hosts (each office with
 * its region, which a regional body must be in), the regions and the municipalities with the
 * office that covers each.
 */
export function bodyFormChoices(o: ReturnType<typeof getKyogiFormOptionsForActor>, t: Translate) {
  return {
    hosts: hostOptions(o.hosts, t("activities.common.prefecture")).map((h) => ({ ...h, regionId: o.hosts.offices.find((x) => x.id === h.value)?.regionId })),
    regions: o.regions.map((r) => ({ value: r.id, label: r.name })),
    municipalities: o.municipalities.map((m) => ({ value: m.code, label: m.name, officeId: m.officeId })),
  };
}
