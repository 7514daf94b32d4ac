import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PHASE_LABELS, type Phase } from "@/lib/domain/case-codes";
import type { Locale } from "@/lib/domain/codes";

const TONE: Record<Phase, BadgeTone> = {
  identified: "neutral",
  assessment: "info",
  engagement: "info",
  preparation: "warning",
  discharged: "success",
  settling: "success",
  closed: "neutral",
  suspended: "danger",
};

/** The phase of a case, coloured the same on every screen. */
export function PhaseBadge({ phase, locale }: { phase: Phase; locale: Locale }) {
  return <Badge tone={TONE[phase]}>{PHASE_LABELS[phase][locale]}</Badge>;
}
