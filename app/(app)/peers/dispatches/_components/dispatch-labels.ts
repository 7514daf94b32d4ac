import { codeNames, type ConflictWording } from "@/lib/actions/conflict-wording";
import type { Locale } from "@/lib/domain/codes";
import { DESTINATION_KIND_LABELS, PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";
import { DISPATCH_RECORD_FIELDS, type DispatchMemberInput } from "@/lib/validation/peer";

/**
 * What only the dispatch form knows for a stale save's lines (lib/actions/conflict-wording.ts):
 * its labels, the codes' labels, the hospitals' names, and the members as a count and hours.
 */
export function dispatchConflictWording(t: Translate, locale: Locale, hospitals: Map<string, string>): ConflictWording {
  return {
    labels: Object.fromEntries(DISPATCH_RECORD_FIELDS.map((f) => [f, t(`dispatches.fields.${f}`)])),
    names: { purpose: codeNames(PEER_PURPOSE_LABELS, locale), destinationKind: codeNames(DESTINATION_KIND_LABELS, locale), hospitalId: hospitals },
    format: (field, value) => {
      if (field !== "members" || !Array.isArray(value)) return undefined;
      const members = value as DispatchMemberInput[];
      const hours = members.reduce((sum, m) => sum + (m.hours ?? 0), 0);
      return locale === "ja" ? `${members.length}人・計${hours}時間` : `${members.length} peers, ${hours} h`;
    },
  };
}
