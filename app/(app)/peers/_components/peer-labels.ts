import { codeNames, type ConflictWording } from "@/lib/actions/conflict-wording";
import type { Locale } from "@/lib/domain/codes";
import { PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";
import { PEER_RECORD_FIELDS } from "@/lib/validation/peer";

/**
 * What only the peer form knows for a stale save's lines (lib/actions/conflict-wording.ts): its
 * labels ("電話：現在の値は…"), the purposes' labels and the regions' names by id.
 */
export function peerConflictWording(t: Translate, locale: Locale, regions: Map<string, string>): ConflictWording {
  return {
    labels: Object.fromEntries(PEER_RECORD_FIELDS.map((f) => [f, t(`peers.fields.${f}`)])),
    names: { activities: codeNames(PEER_PURPOSE_LABELS, locale), regionIds: regions },
  };
}
