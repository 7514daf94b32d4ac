import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Locale } from "@/lib/domain/codes";
import { DISPATCH_STATUS_LABELS, PEER_STATUS_LABELS, type DispatchStatus, type PeerStatus } from "@/lib/domain/peer-codes";

const PEER_TONE: Record<PeerStatus, BadgeTone> = { active: "success", paused: "warning", expired: "neutral", withdrawn: "danger" };
const DISPATCH_TONE: Record<DispatchStatus, BadgeTone> = { requested: "info", scheduled: "warning", done: "success", cancelled: "neutral" };

/** A registration's status (as of today: 期間満了 applied), coloured the same everywhere. */
export function PeerStatusBadge({ status, locale }: { status: PeerStatus; locale: Locale }) {
  return <Badge tone={PEER_TONE[status]}>{PEER_STATUS_LABELS[status][locale]}</Badge>;
}

/** A dispatch's status along 依頼 → 予定 → 実施 / 中止. */
export function DispatchStatusBadge({ status, locale }: { status: DispatchStatus; locale: Locale }) {
  return <Badge tone={DISPATCH_TONE[status]}>{DISPATCH_STATUS_LABELS[status][locale]}</Badge>;
}
