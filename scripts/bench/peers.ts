/**
 * Benchmark of the peer registry and the dispatch screens at a size well beyond one office's
 * reality: the demo data plus N synthetic peers (default 2,000) and 10·N dispatches in 備前保健所.
 *   npm run bench:peers [-- 5000]
 * Prints median and 95th-percentile times per query. Not a test: numbers depend on the machine.
 */
import { closeBench, openBenchDatabase, timeInsert, timeQueries } from "./harness";

const extraPeers = Number(process.argv[2] ?? 2_000);

async function main() {
  const { peerDispatchMembers, peerDispatches, peerIdentities, peerRegistrations, peerSupporters } = await import("@/db/schema");
  const { listPeersForActor } = await import("@/lib/dal/peers");
  const { getPeerYearSummaryForActor } = await import("@/lib/dal/peer-summary");
  const { getDispatchFormForActor } = await import("@/lib/dal/peer-dispatches");
  const { listDispatchesForActor } = await import("@/lib/dal/peer-dispatch-list");
  const { getDispatchYearSummaryForActor } = await import("@/lib/dal/peer-dispatch-summary");
  const { eq } = await import("drizzle-orm");
  const { writePeerTokens } = await import("@/lib/dal/name-tokens");

  const { db, actorNamed } = await openBenchDatabase();
  const peer = db.select().from(peerSupporters).where(eq(peerSupporters.officeId, "33-bizen")).get()!;
  const identity = db.select().from(peerIdentities).where(eq(peerIdentities.peerId, peer.id)).get()!;
  const dispatch = db.select().from(peerDispatches).where(eq(peerDispatches.officeId, "33-bizen")).get()!;
  timeInsert(`${extraPeers} peers and ${extraPeers * 10} dispatches`, () =>
    db.transaction((tx) => {
      for (let i = 0; i < extraPeers; i++) {
        const id = `bench-peer-${i}`;
        tx.insert(peerSupporters).values({ ...peer, id, displayCode: `BZ-P-${String(5000 + i)}` }).run();
        tx.insert(peerIdentities).values({ ...identity, peerId: id, kanaKey: `${identity.kanaKey}${i % 97}` }).run();
        writePeerTokens(tx, id, identity);
        for (let fy = 2019; fy <= 2026; fy++) tx.insert(peerRegistrations).values({ peerId: id, fiscalYear: fy, registeredOn: `${fy}-04-01`, expiresOn: `${fy + 1}-03-31`, createdBy: peer.createdBy, createdAt: peer.createdAt }).run();
        for (let k = 0; k < 10; k++) {
          const did = `bench-d-${i}-${k}`;
          const fy = 2019 + (k % 6);
          tx.insert(peerDispatches).values({ ...dispatch, id: did, date: `${fy}-${String(4 + (i % 9)).padStart(2, "0")}-15` }).run();
          tx.insert(peerDispatchMembers).values({ dispatchId: did, peerId: id, hours: 2, honorariumYen: 2000, travelYen: 400 }).run();
        }
      }
    }),
  );

  const coord = actorNamed("bizen.coord");
  const sup = actorNamed("bizen.sup");
  const pref = actorNamed("okayama.pref");
  const page = { page: 1, pageSize: 50, sort: "displayCode", dir: "asc" } as const;
  const dpage = { page: 1, pageSize: 50, sort: "date", dir: "desc" } as const;
  timeQueries([
    ["registry: first page", () => listPeersForActor(sup, page, {})],
    ["registry: page 30 by expiry", () => listPeersForActor(sup, { ...page, page: 30, sort: "expiresOn" }, {})],
    ["registry: kana search", () => listPeersForActor(coord, page, { q: "かりや" })],
    ["registry: 期間満了 + registered in FY2021", () => listPeersForActor(sup, page, { status: "expired", fiscalYear: 2021 })],
    ["dispatches: first page, all years", () => listDispatchesForActor(sup, dpage, {})],
    ["dispatches: FY2023, page 20", () => listDispatchesForActor(sup, { ...dpage, page: 20 }, { fiscalYear: 2023 })],
    ["dispatches: text search", () => listDispatchesForActor(sup, dpage, { q: "病院" })],
    ["dispatch form (peers, cases, previous)", () => getDispatchFormForActor(coord, "33-bizen")],
    ["year summary: registry (prefecture)", () => getPeerYearSummaryForActor(pref, 2021)],
    ["year summary: dispatches (prefecture)", () => getDispatchYearSummaryForActor(pref, 2021)],
  ]);
  closeBench();
}

void main();
