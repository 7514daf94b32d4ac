/**
 * The case lifecycle: 対象者把握 → アセスメント → 関係づくり → 退院準備 → 退院 → 地域定着 → 終結,
 * with 中断 reachable from every open phase and a way back to the phase it interrupted.
 * The server accepts only these transitions; the case page offers only these.
 */
import type { Phase } from "./case-codes";

/** Forward order of the working phases (中断 and 終結 are off this line). */
export const PHASE_ORDER = ["identified", "assessment", "engagement", "preparation", "discharged", "settling", "closed"] as const satisfies readonly Phase[];

const TRANSITIONS: Readonly<Record<Exclude<Phase, "suspended">, readonly Phase[]>> = {
  // One step forward, one step back before discharge (a plan can fall through), pause, or end.
  identified: ["assessment", "suspended", "closed"],
  assessment: ["engagement", "identified", "suspended", "closed"],
  engagement: ["preparation", "assessment", "suspended", "closed"],
  preparation: ["discharged", "engagement", "suspended", "closed"],
  discharged: ["settling", "suspended", "closed"],
  settling: ["closed", "suspended"],
  closed: [],
};

/**
 * The phases a case may move to. From 中断 the way back is to the phase it interrupted
 * (`resumePhase`), or to 終結.
 */
export function allowedTransitions(current: Phase, resumePhase: Phase | null): Phase[] {
  if (current === "suspended") {
    const back = resumePhase && resumePhase !== "suspended" && resumePhase !== "closed" ? [resumePhase] : [];
    return [...back, "closed"];
  }
  return [...TRANSITIONS[current]];
}

export function canTransition(from: Phase, to: Phase, resumePhase: Phase | null): boolean {
  return allowedTransitions(from, resumePhase).includes(to);
}

/** Phases after which the person has left hospital (discharge data is then required). */
export function isPostDischarge(phase: Phase): boolean {
  return phase === "discharged" || phase === "settling";
}

export function isOpen(phase: Phase): boolean {
  return phase !== "closed";
}
