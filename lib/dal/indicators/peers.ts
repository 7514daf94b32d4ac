import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, peerDispatches, peerRegistrations, peerSupporters } from "@/db/schema";
import { PEER_PURPOSE_LABELS, PEER_PURPOSES } from "@/lib/domain/peer-codes";
import { dispatchCountsIn, dispatchesCounted, dispatchYearSummaryIn } from "../peer-dispatch-summary";
import { peersRegisteredIn, peerYearSummaryIn } from "../peer-summary";
import { countOf, ja, type ComputeFn, type IndicatorContext, type RecordGroup } from "./context";

/*
 * Peer supporter indicators (S2, A8, A9) from the registry's and the dispatches' yearly counts
 * (lib/dal/peers.ts, lib/dal/peer-dispatches.ts: the figures the peer pages show).
 */

const registry = (ctx: IndicatorContext) => ctx.memo("peers", () => peerYearSummaryIn(ctx.scope, ctx.fiscalYear));
const dispatches = (ctx: IndicatorContext) => ctx.memo("dispatches", () => dispatchYearSummaryIn(ctx.scope, ctx.fiscalYear));
/** The year's dispatches by status and purpose alone (two queries; trend.ts reads them for several years). */
const dispatchCounts = (ctx: IndicatorContext) => ctx.memo("dispatchCounts", () => dispatchCountsIn(ctx.scope, ctx.fiscalYear));

const peerGroup = (ids: string[]): RecordGroup[] => [{ kind: "peer", ids: [...new Set(ids)] }];

function dispatchIds(ctx: IndicatorContext, withHospital = false): RecordGroup[] {
  const rows = getDb()
    .select({ id: peerDispatches.id })
    .from(peerDispatches)
    .where(and(dispatchesCounted(ctx.scope, ctx.fiscalYear), withHospital ? isNotNull(peerDispatches.hospitalId) : undefined))
    .orderBy(peerDispatches.date)
    .all();
  return [{ kind: "dispatch", ids: rows.map((r) => r.id) }];
}

/** S2's offices: those in scope with a peer registered for the year. */
function officesWithPeers(ctx: IndicatorContext): string[] {
  return getDb()
    .selectDistinct({ id: peerSupporters.officeId })
    .from(peerRegistrations)
    .innerJoin(peerSupporters, eq(peerSupporters.id, peerRegistrations.peerId))
    .innerJoin(healthCenters, eq(healthCenters.id, peerSupporters.officeId))
    .where(peersRegisteredIn(ctx.scope, ctx.fiscalYear))
    .orderBy(healthCenters.sort)
    .all()
    .map((r) => r.id);
}

export const PEER_INDICATORS: Record<string, ComputeFn> = {
  S2: (ctx) => {
    const r = registry(ctx);
    // The dispatches done alone (A9's counts), not the whole dispatch summary: the sheet shows S2.
    const d = { done: dispatchCounts(ctx).byStatus.done };
    const everyOffice = r.offices > 0 && r.officesWithPeers === r.offices;
    return {
      value: r.officesWithPeers,
      numerator: r.officesWithPeers,
      denominator: r.offices,
      text: everyOffice
        ? ja("保健所・支所にピアサポーターが登録され派遣できる体制がある", "Every office has registered peer supporters it can dispatch")
        : r.officesWithPeers > 0
          ? ja(`${r.offices}か所中${r.officesWithPeers}か所の保健所・支所にピアサポーターが登録されている`, `${r.officesWithPeers} of ${r.offices} offices have registered peer supporters`)
          : ja("ピアサポーターの登録はない", "No peer supporters are registered"),
      breakdown: [
        { key: "registered", label: ja("登録者数", "Registered"), value: r.registered },
        { key: "dispatches", label: ja("派遣件数(実施)", "Dispatches done"), value: d.done },
        { key: "trained", label: ja("養成研修修了者数", "Training graduates"), value: r.trainedYousei },
      ],
      records: () => [{ kind: "office", ids: officesWithPeers(ctx) }],
    };
  },
  A8: (ctx) => countOf(registry(ctx).registered, () => peerGroup(registry(ctx).peers.registered)),
  "A8.new": (ctx) => countOf(registry(ctx).newlyRegistered, () => peerGroup(registry(ctx).peers.newlyRegistered)),
  "A8.trained": (ctx) => countOf(registry(ctx).trainedYousei, () => peerGroup(registry(ctx).peers.trainedYousei)),
  A9: (ctx) => {
    // Its two counts alone, not the whole summary: the dashboard charts A9 over five years.
    const d = dispatchCounts(ctx);
    return countOf(d.byStatus.done, () => dispatchIds(ctx), { breakdown: PEER_PURPOSES.map((p) => ({ key: p, label: PEER_PURPOSE_LABELS[p], value: d.byPurpose[p] })).filter((b) => b.value > 0) });
  },
  "A9.person_dispatches": (ctx) => countOf(dispatches(ctx).personDispatches, () => dispatchIds(ctx)),
  "A9.hours": (ctx) => countOf(dispatches(ctx).hours, () => dispatchIds(ctx)),
  "A9.audience": (ctx) => countOf(dispatches(ctx).audience, () => dispatchIds(ctx)),
  "A9.hospitals": (ctx) => countOf(dispatches(ctx).hospitals, () => dispatchIds(ctx, true)),
};
