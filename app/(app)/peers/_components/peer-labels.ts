import type { Locale } from "@/lib/domain/codes";
import { PEER_PURPOSE_LABELS, type PeerPurpose } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";
import { PEER_RECORD_FIELDS } from "@/lib/validation/peer";

/** The edit form's field labels, for conflict messages ("電話：現在の値は…"). */
export function peerFieldLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(PEER_RECORD_FIELDS.map((f) => [f, t(`peers.fields.${f}`)]));
}

/** A stored value as words: purposes by label, regions by name, empty as "—". */
export function readablePeerValue(field: string, value: unknown, locale: Locale, regions: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (field === "activities") return value.map((v) => PEER_PURPOSE_LABELS[v as PeerPurpose]?.[locale] ?? String(v)).join("、");
    if (field === "regionIds") return value.map((v) => regions.get(String(v)) ?? String(v)).join("、");
    return value.join("、");
  }
  return String(value);
}
