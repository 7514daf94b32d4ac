import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Locale } from "@/lib/domain/codes";
import { OUTREACH_STATUS_LABELS, type OutreachStatus } from "@/lib/domain/outreach-codes";

const TONE: Record<OutreachStatus, BadgeTone> = {
  referred: "warning",
  active: "info",
  closed: "neutral",
};

/** The status of an outreach case, coloured the same on every screen. */
export function OutreachStatusBadge({ status, locale }: { status: OutreachStatus; locale: Locale }) {
  return <Badge tone={TONE[status]}>{OUTREACH_STATUS_LABELS[status][locale]}</Badge>;
}
