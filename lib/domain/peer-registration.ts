/**
 * Peer-supporter registration rules. Registration lasts to the end of the fiscal year of
 * registration (堺市 要領 and common practice); renewing carries the record into the next year.
 */
import type { DispatchStatus, PeerStatus } from "./peer-codes";
import { fiscalYearOf, fiscalYearRange } from "./fiscal-year";

/** The last day of a registration made on `date`: 31 March closing its fiscal year. */
export function registrationExpiry(date: string): string {
  return fiscalYearRange(fiscalYearOf(date)).end;
}

/**
 * The status to show on `today`: an active registration past its expiry is 期間満了 even
 * before anyone records it, so lists and counts never present a lapsed peer as available.
 */
export function effectiveStatus(status: PeerStatus, expiresOn: string, today: string): PeerStatus {
  return status === "active" && expiresOn < today ? "expired" : status;
}

/** Renewal for fiscal year `fy`: registered again from its first day to its last. */
export function renewalFor(fy: number): { registrationFy: number; registeredOn: string; expiresOn: string } {
  const { start, end } = fiscalYearRange(fy);
  return { registrationFy: fy, registeredOn: start, expiresOn: end };
}

/** Which statuses a registration may move to by hand (期間満了 follows from the date). */
const PEER_TRANSITIONS: Readonly<Record<PeerStatus, readonly PeerStatus[]>> = {
  active: ["paused", "withdrawn"],
  paused: ["active", "withdrawn"],
  expired: ["withdrawn"],
  withdrawn: [],
};

export function canChangePeerStatus(from: PeerStatus, to: PeerStatus): boolean {
  return PEER_TRANSITIONS[from].includes(to);
}

/** 依頼 → 予定 → 実施, with 中止 from either open state; 実施 and 中止 are final. */
const DISPATCH_TRANSITIONS: Readonly<Record<DispatchStatus, readonly DispatchStatus[]>> = {
  requested: ["scheduled", "cancelled"],
  scheduled: ["done", "cancelled"],
  done: [],
  cancelled: [],
};

export function allowedDispatchTransitions(from: DispatchStatus): DispatchStatus[] {
  return [...DISPATCH_TRANSITIONS[from]];
}

/**
 * Fiscal years a registration may be renewed for on `today`: the current year (when the
 * registration is for an earlier one) and the next (renewing ahead, in the spring rush).
 * A withdrawn peer is not renewed; they register again as a new peer.
 */
export function renewableYears(registrationFy: number, status: PeerStatus, today: string): number[] {
  if (status === "withdrawn") return [];
  const current = fiscalYearOf(today);
  return [current, current + 1].filter((fy) => fy > registrationFy);
}

/** What decides whether a peer can go on a dispatch: the stored status and the registered periods. */
export type PeerAvailability = { status: PeerStatus; registrations: readonly { registeredOn: string; expiresOn: string }[] };

/**
 * Whether a peer can be dispatched on `date`: not withdrawn, registered for that day (one of
 * their registrations covers it), and not paused for a dispatch from today on (a paused peer's
 * past dispatches may still be recorded). The dispatch form offers only these peers; the
 * server refuses any other with the same rule.
 */
export function availableOn(peer: PeerAvailability, date: string, today: string): boolean {
  if (peer.status === "withdrawn") return false;
  if (peer.status === "paused" && date >= today) return false;
  return peer.registrations.some((r) => r.registeredOn <= date && date <= r.expiresOn);
}
