/**
 * Benchmark of the peer registry and the dispatch screens at a size well beyond one office's
 * reality: the demo data plus N synthetic peers (default 2,000) and 10·N dispatches in 備前保健所.
 *   npm run bench:peers [-- 5000]
 * Prints median and 95th-percentile times per query. Not a test: numbers depend on the machine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const extraPeers = Number(process.argv[2] ?? 2_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.TSUNAGU_DEMO_DATA = "on";

async function main() {
  const { getDb } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/seed");
  const { peerDispatchMembers, peerDispatches, peerIdentities, peerRegistrations, peerSupporters, users } = await import("@/db/schema");
  const { loadActor } = await import("@/lib/dal/actor");
  const { listPeersForActor, getPeerYearSummaryForActor } = await import("@/lib/dal/peers");
  const { listDispatchesForActor, getDispatchFormForActor, getDispatchYearSummaryForActor } = await import("@/lib/dal/peer-dispatches");
  const { eq } = await import("drizzle-orm");

  const db = getDb();
  await prepareDatabase(db);
  const peer = db.select().from(peerSupporters).where(eq(peerSupporters.officeId, "33-bizen")).get()!;
  const identity = db.select().from(peerIdentities).where(eq(peerIdentities.peerId, peer.id)).get()!;
  const dispatch = db.select().from(peerDispatches).where(eq(peerDispatches.officeId, "33-bizen")).get()!;
  const t0 = performance.now();
  db.transaction((tx) => {
    for (let i = 0; i < extraPeers; i++) {
      const id = `bench-peer-${i}`;
      tx.insert(peerSupporters).values({ ...peer, id, displayCode: `BZ-P-${String(5000 + i)}` }).run();
      tx.insert(peerIdentities).values({ ...identity, peerId: id, kanaKey: `${identity.kanaKey}${i % 97}` }).run();
      for (let fy = 2019; fy <= 2026; fy++) tx.insert(peerRegistrations).values({ peerId: id, fiscalYear: fy, registeredOn: `${fy}-04-01`, expiresOn: `${fy + 1}-03-31`, createdBy: peer.createdBy, createdAt: peer.createdAt }).run();
      for (let k = 0; k < 10; k++) {
        const did = `bench-d-${i}-${k}`;
        const fy = 2019 + (k % 6);
        tx.insert(peerDispatches).values({ ...dispatch, id: did, date: `${fy}-${String(4 + (i % 9)).padStart(2, "0")}-15` }).run();
        tx.insert(peerDispatchMembers).values({ dispatchId: did, peerId: id, hours: 2, honorariumYen: 2000, travelYen: 400 }).run();
      }
    }
  });
  console.log(`Inserted ${extraPeers} peers and ${extraPeers * 10} dispatches in ${Math.round(performance.now() - t0)} ms.`);

  const user = (name: string) => {
    const u = db.select().from(users).where(eq(users.username, name)).get()!;
    return loadActor(u.id, u.sessionVersion)!;
  };
  const coord = user("bizen.coord");
  const sup = user("bizen.sup");
  const pref = user("okayama.pref");
  const page = { page: 1, pageSize: 50, sort: "displayCode", dir: "asc" } as const;
  const dpage = { page: 1, pageSize: 50, sort: "date", dir: "desc" } as const;
  const runs: [string, () => unknown][] = [
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
  ];
  for (const [name, fn] of runs) {
    fn(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(42)} median ${times[10]!.toFixed(1).padStart(7)} ms   p95 ${times[18]!.toFixed(1).padStart(7)} ms`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
