import "server-only";
import { INDICATORS } from "@/lib/domain/indicators/definitions";
import { ACTIVITY_INDICATORS } from "./activity";
import { CASE_INDICATORS } from "./cases";
import type { ComputeFn } from "./context";
import { EXTERNAL_INDICATORS } from "./external";
import { ORG_INDICATORS } from "./org";
import { OUTREACH_INDICATORS } from "./outreach";
import { PEER_INDICATORS } from "./peers";

/** Every indicator's compute function, by code (tests/dal/indicators.test.ts: one per definition). */
export const COMPUTE: Readonly<Record<string, ComputeFn>> = {
  ...ORG_INDICATORS,
  ...EXTERNAL_INDICATORS,
  ...ACTIVITY_INDICATORS,
  ...PEER_INDICATORS,
  ...OUTREACH_INDICATORS,
  ...CASE_INDICATORS,
};

export function computeFor(code: string): ComputeFn {
  const fn = COMPUTE[code];
  if (!fn) throw new Error(`No compute function for indicator ${code}`);
  return fn;
}

/** Codes defined without a function, or computed without a definition: empty when the registry is whole. */
export function registryGaps(): { undefinedCodes: string[]; uncomputed: string[] } {
  const defined = new Set(INDICATORS.map((d) => d.code));
  return { undefinedCodes: Object.keys(COMPUTE).filter((c) => !defined.has(c)), uncomputed: [...defined].filter((c) => !COMPUTE[c]) };
}
