import type { Locale } from "@/lib/domain/codes";
import { DESTINATION_KIND_LABELS, PEER_PURPOSE_LABELS, type DestinationKind, type PeerPurpose } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";
import { DISPATCH_RECORD_FIELDS, type DispatchMemberInput } from "@/lib/validation/peer";

/** The edit form's field labels, for conflict messages. */
export function dispatchFieldLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(DISPATCH_RECORD_FIELDS.map((f) => [f, t(`dispatches.fields.${f}`)]));
}

/** A stored dispatch value as words: codes by label, the hospital by name, members by count and hours. */
export function readableDispatchValue(field: string, value: unknown, locale: Locale, hospitals: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "purpose") return PEER_PURPOSE_LABELS[value as PeerPurpose]?.[locale] ?? String(value);
  if (field === "destinationKind") return DESTINATION_KIND_LABELS[value as DestinationKind]?.[locale] ?? String(value);
  if (field === "hospitalId") return hospitals.get(String(value)) ?? String(value);
  if (field === "members" && Array.isArray(value)) {
    const members = value as DispatchMemberInput[];
    const hours = members.reduce((sum, m) => sum + (m.hours ?? 0), 0);
    return locale === "ja" ? `${members.length}人・計${hours}時間` : `${members.length} peers, ${hours} h`;
  }
  return String(value);
}
