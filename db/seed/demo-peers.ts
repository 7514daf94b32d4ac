import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  cases,
  healthCenters,
  hospitals,
  municipalities,
  peerActivities,
  peerAreas,
  peerDispatchMembers,
  peerDispatches,
  peerIdentities,
  peerRegistrations,
  peerSupporters,
  peerTrainings,
  userOffices,
  users,
} from "@/db/schema";
import { addDays } from "@/lib/domain/date-math";
import { fiscalYearOf, fiscalYearRange, todayIso } from "@/lib/domain/fiscal-year";
import { daysInMonth } from "@/lib/domain/iso-date";
import { normalizeKana } from "@/lib/domain/kana";
import type { DispatchStatus, PeerPurpose, PeerStatus, PeerTraining } from "@/lib/domain/peer-codes";
import { DEMO_FIRST_FY, DEMO_LAST_FY } from "./demo-cases";
import { createRng, type Rng } from "./random";

/*
 * Deterministic demo peer supporters and dispatches (ピアサポーター) for 岡山県, FY2019–FY2024.
 *
 * What the seeds say and this reproduces:
 * - 岡山県 runs the 養成研修 and the health centres and 支所 register and dispatch peers; in FY2021
 *   (令和3年度) every office had registered peers (「保健所・支所にピアサポーターが登録され派遣できる
 *   体制がある」), and the training was held, scaled down for COVID-19, jointly by the three northern
 *   offices (美作・真庭・備北) on 2021-11-18; its graduates were registered at those offices.
 * - 山口県 had not started using peer supporters (its sheet lists it as an issue), so it has none.
 *
 * Nothing before FY2025 depends on the clock. The one deliberate exception: peers still active at
 * the end of FY2024 are renewed through the fiscal year in which the database is seeded, so that
 * the registry and the dispatch form are usable on the day someone tries the demo.
 */

const SEED = "tsunagu-demo-peers-v1";

/** The joint 養成研修 of the three northern offices (the activities demo records the same event). */
export const NORTHERN_JOINT_TRAINING = { date: "2021-11-18", hostOffice: "33-mimasaka", offices: ["33-mimasaka", "33-maniwa", "33-bihoku"] } as const;
/** The graduates each northern office registered after it. */
const NORTHERN_GRADUATES = 2;
/** The prefecture's own 養成研修 in the other years (none in FY2020: cancelled for COVID-19). */
const PREFECTURE_TRAININGS: Readonly<Record<number, string>> = { 2018: "2018-11-15", 2019: "2019-11-14", 2022: "2022-11-17", 2023: "2023-11-16", 2024: "2024-11-14" };

/** Peers first registered before FY2019 (from earlier years' trainings) and in later years, per office. */
const PEERS_PER_OFFICE: Readonly<Record<string, number>> = {
  "33-bizen": 6,
  "33-tobi": 3,
  "33-bitchu": 4,
  "33-ikasa": 3,
  "33-bihoku": 2,
  "33-niimi": 2,
  "33-maniwa": 2,
  "33-mimasaka": 3,
  "33-shoei": 2,
  "33-okayama-city": 6,
  "33-kurashiki-city": 5,
};

/** Dispatches per office and fiscal year, before the office's size factor: COVID-19 cut FY2020–21. */
const DISPATCH_RATE: Readonly<Record<number, [number, number]>> = { 2019: [3, 6], 2020: [0, 2], 2021: [1, 3], 2022: [2, 5], 2023: [3, 6], 2024: [3, 7] };

const FAMILY = [
  ["仮谷", "カリヤ"],
  ["見本田", "ミホンダ"],
  ["例野", "レイノ"],
  ["架空原", "カクウハラ"],
  ["模擬山", "モギヤマ"],
  ["試作川", "シサクガワ"],
  ["想定寺", "ソウテイジ"],
  ["空見", "ソラミ"],
] as const;
const GIVEN = [
  ["光", "ヒカル"],
  ["歩", "アユム"],
  ["望", "ノゾミ"],
  ["翼", "ツバサ"],
  ["実", "ミノル"],
  ["恵", "メグミ"],
  ["学", "マナブ"],
  ["晴美", "ハルミ"],
  ["和也", "カズヤ"],
  ["千尋", "チヒロ"],
] as const;

const PURPOSE_WEIGHTS: Partial<Record<PeerPurpose, number>> = {
  inhospital_salon: 5,
  group_work: 3,
  testimony: 3,
  individual_accompany: 3,
  hospital_community_exchange: 2,
  kyogi_member: 1,
  training_lecturer: 1,
  awareness_event: 1,
};
const ACCEPTABLE: PeerPurpose[] = ["inhospital_salon", "group_work", "testimony", "individual_accompany", "kyogi_member", "training_lecturer", "awareness_event", "hospital_community_exchange"];
const VENUES = ["市民交流センター（見本）", "保健センター会議室（見本）", "地域生活支援センター（見本）", "公民館ホール（見本）"];

export type DemoPeerSummary = { peers: number; dispatches: number; offices: number };

type Office = { id: string; casePrefix: string; regionId: string; coordinatorId: string; hospitalIds: string[]; otherHospitalIds: string[] };
type Peer = {
  id: string;
  officeId: string;
  code: string;
  registrations: { fiscalYear: number; registeredOn: string; expiresOn: string }[];
  status: PeerStatus;
  /** When the status was last set (a withdrawal is dated by it). */
  statusOn: string;
};

function randomDate(rng: Rng, from: string, to: string): string {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  // Pick a month in range, then a day; keep inside [from, to].
  for (let i = 0; i < 20; i++) {
    const offset = rng.int(0, 11);
    const month = ((fm - 1 + offset) % 12) + 1;
    const year = fy + Math.floor((fm - 1 + offset) / 12);
    const day = rng.int(1, daysInMonth(year, month));
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (iso >= from && iso <= to) return iso;
  }
  return from;
}

function loadOffices(tx: Tx): Office[] {
  const hospitalRows = tx
    .select({ id: hospitals.id, regionId: municipalities.regionId })
    .from(hospitals)
    .innerJoin(municipalities, eq(municipalities.code, hospitals.municipalityCode))
    .where(eq(hospitals.prefectureCode, "33"))
    .orderBy(asc(hospitals.id))
    .all();
  const coordinators = tx
    .select({ id: users.id, username: users.username, officeId: userOffices.healthCenterId })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(and(eq(users.role, "coordinator"), eq(users.prefectureCode, "33")))
    .orderBy(asc(users.username))
    .all();
  return tx
    .select()
    .from(healthCenters)
    .where(eq(healthCenters.prefectureCode, "33"))
    .orderBy(asc(healthCenters.sort))
    .all()
    .flatMap((hc) => {
      const coordinator = coordinators.find((c) => c.officeId === hc.id);
      if (!coordinator) return [];
      const near = hospitalRows.filter((h) => h.regionId === hc.regionId).map((h) => h.id);
      return [{ id: hc.id, casePrefix: hc.casePrefix, regionId: hc.regionId, coordinatorId: coordinator.id, hospitalIds: near, otherHospitalIds: hospitalRows.map((h) => h.id) }];
    });
}

/** The registration years of one peer: consecutive from `first`, sometimes ending, once in a while with a gap. */
function registrationYears(rng: Rng, first: number, lastFy: number): number[] {
  const years: number[] = [];
  let fy = first;
  while (fy <= lastFy) {
    years.push(fy);
    if (rng.chance(0.1)) break; // stopped renewing
    fy += rng.chance(0.06) ? 2 : 1; // one year off, then back
  }
  return years;
}

export function seedDemoPeers(db: Db, now: Date = new Date()): DemoPeerSummary {
  return db.transaction((tx) => {
    const rng = createRng(SEED);
    const offices = loadOffices(tx);
    const stamp = "2025-03-31T09:00:00.000Z";
    // Renewals of active peers run to the fiscal year the database is seeded in (see above).
    const seededFy = Math.max(DEMO_LAST_FY, fiscalYearOf(todayIso(now)));
    const peers: Peer[] = [];
    const identities: (typeof peerIdentities.$inferInsert)[] = [];
    const trainings: (typeof peerTrainings.$inferInsert)[] = [];
    const activities: (typeof peerActivities.$inferInsert)[] = [];
    const areas: (typeof peerAreas.$inferInsert)[] = [];
    let nameIndex = 0;

    const addPeer = (office: Office, peerRng: Rng, firstFy: number, registeredOn: string, yousei: string | null, forceThrough?: number) => {
      const n = peers.filter((p) => p.officeId === office.id).length + 1;
      const id = `peer-${office.id}-${String(n).padStart(2, "0")}`;
      let years = registrationYears(peerRng, firstFy, DEMO_LAST_FY);
      if (forceThrough !== undefined && years.at(-1)! < forceThrough) years = Array.from({ length: forceThrough - firstFy + 1 }, (_, i) => firstFy + i);
      const activeAtAnchor = years.at(-1) === DEMO_LAST_FY;
      // What is drawn below from the years must not depend on the seeding day (ADR 0020): only FY2019–FY2024.
      const anchorYears = [...years];
      if (activeAtAnchor) for (let fy = DEMO_LAST_FY + 1; fy <= seededFy; fy++) years.push(fy);
      const registrations = years.map((fy, i) => ({ fiscalYear: fy, registeredOn: i === 0 ? registeredOn : fiscalYearRange(fy).start, expiresOn: fiscalYearRange(fy).end }));
      // Most who stopped simply lapsed (期間満了 follows from the date); a few withdrew or are paused.
      let status: PeerStatus = "active";
      let statusOn = registrations.at(-1)!.registeredOn;
      if (!activeAtAnchor && peerRng.chance(0.3)) {
        status = "withdrawn";
        statusOn = addDays(registrations.at(-1)!.expiresOn, -peerRng.int(10, 120));
      } else if (activeAtAnchor && peerRng.chance(0.08)) {
        status = "paused";
        statusOn = "2024-10-01";
      }
      const code = `${office.casePrefix}-P-${String(n).padStart(3, "0")}`;
      peers.push({ id, officeId: office.id, code, registrations, status, statusOn });
      const [family, familyKana] = FAMILY[nameIndex % FAMILY.length]!;
      const [given, givenKana] = GIVEN[(nameIndex * 3) % GIVEN.length]!;
      nameIndex++;
      identities.push({
        peerId: id,
        familyName: family,
        givenName: given,
        familyNameKana: familyKana,
        givenNameKana: givenKana,
        kanaKey: normalizeKana(familyKana + givenKana),
        phone: peerRng.chance(0.8) ? `090-0000-${String(1000 + nameIndex).slice(-4)}` : null,
        email: null,
        updatedAt: stamp,
      });
      if (yousei) trainings.push({ id: `${id}-t1`, peerId: id, kind: "peer_yousei" satisfies PeerTraining, completedOn: yousei });
      if (peerRng.chance(0.5) && anchorYears.length > 1) {
        const fy = anchorYears[1]!;
        trainings.push({ id: `${id}-t2`, peerId: id, kind: "peer_followup", completedOn: `${fy}-09-${String(peerRng.int(1, 28)).padStart(2, "0")}` });
      }
      if (peerRng.chance(0.15) && years.includes(2023)) trainings.push({ id: `${id}-t3`, peerId: id, kind: "peer_support_kiso", completedOn: "2023-08-24" });
      const accepts = ACCEPTABLE.filter((p) => p === "inhospital_salon" || peerRng.chance(0.5));
      for (const purpose of accepts) activities.push({ peerId: id, purpose });
      areas.push({ peerId: id, regionId: office.regionId });
    };

    for (const office of offices) {
      const officeRng = rng.fork(office.id);
      const count = PEERS_PER_OFFICE[office.id] ?? 2;
      for (let i = 0; i < count; i++) {
        const peerRng = officeRng.fork(`peer-${i}`);
        // The first one or two of each office were registered before FY2019 and renew through FY2021 at least,
        // so every office has registered peers in FY2021; the others join in later years.
        const veteran = i < 2;
        const firstFy = veteran ? DEMO_FIRST_FY : peerRng.pick([2019, 2019, 2020, 2022, 2022, 2023, 2024]);
        const trainingFy = veteran ? 2018 : (Object.keys(PREFECTURE_TRAININGS).map(Number).filter((fy) => fy < firstFy || (fy === firstFy && firstFy !== 2020)).at(-1) ?? 2018);
        const yousei = PREFECTURE_TRAININGS[trainingFy] ?? PREFECTURE_TRAININGS[2018]!;
        const registeredOn = veteran ? "2019-04-01" : yousei > fiscalYearRange(firstFy).start ? addDays(yousei, peerRng.int(7, 40)) : randomDate(peerRng, fiscalYearRange(firstFy).start, addDays(fiscalYearRange(firstFy).start, 60));
        addPeer(office, peerRng, firstFy, registeredOn, yousei, veteran ? 2021 : undefined);
      }
      if ((NORTHERN_JOINT_TRAINING.offices as readonly string[]).includes(office.id)) {
        for (let g = 0; g < NORTHERN_GRADUATES; g++) {
          // Registered as 保健所ピアサポーター a couple of weeks after the joint training.
          addPeer(office, officeRng.fork(`joint-${g}`), 2021, addDays(NORTHERN_JOINT_TRAINING.date, 13 + g), NORTHERN_JOINT_TRAINING.date, 2022);
        }
      }
    }

    // Dispatches: only with peers whose registration covered the day.
    const caseRows = tx
      .select({ id: cases.id, officeId: cases.officeId, supportStartDate: cases.supportStartDate, endDate: cases.endDate, dischargeDate: cases.dischargeDate })
      .from(cases)
      .where(and(eq(cases.prefectureCode, "33"), ne(cases.phase, "identified")))
      .orderBy(asc(cases.caseNo))
      .all();
    const dispatches: (typeof peerDispatches.$inferInsert)[] = [];
    const members: (typeof peerDispatchMembers.$inferInsert)[] = [];
    for (const office of offices) {
      const officeRng = rng.fork(`dispatch-${office.id}`);
      const size = (PEERS_PER_OFFICE[office.id] ?? 2) >= 5 ? 2 : 1;
      for (let fy = DEMO_FIRST_FY; fy <= DEMO_LAST_FY; fy++) {
        const [lo, hi] = DISPATCH_RATE[fy]!;
        const n = officeRng.int(lo, hi) * size;
        const { start, end } = fiscalYearRange(fy);
        for (let k = 0; k < n; k++) {
          const date = randomDate(officeRng, start, end);
          const available = peers.filter((p) => p.officeId === office.id && p.registrations.some((r) => r.registeredOn <= date && r.expiresOn >= date) && !(p.status === "withdrawn" && p.statusOn < date));
          if (available.length === 0) continue;
          const purpose = officeRng.weighted(PURPOSE_WEIGHTS);
          const team = [officeRng.pick(available)];
          if (available.length > 1 && purpose !== "individual_accompany" && officeRng.chance(0.45)) {
            const second = officeRng.pick(available.filter((p) => p.id !== team[0]!.id));
            team.push(second);
          }
          const linked =
            purpose === "individual_accompany"
              ? caseRows.find((c) => c.officeId === office.id && c.supportStartDate <= date && (!c.endDate || c.endDate >= date) && (!c.dischargeDate || c.dischargeDate >= date))
              : undefined;
          const atHospital = ["inhospital_salon", "group_work", "testimony", "hospital_community_exchange", "individual_accompany"].includes(purpose);
          const pool = office.hospitalIds.length ? office.hospitalIds : office.otherHospitalIds;
          const startHour = officeRng.int(9, 15);
          const hours = officeRng.pick([1, 1.5, 2, 2, 3]);
          const endMinutes = startHour * 60 + hours * 60;
          // COVID-19 closed hospital wards to visitors at times: more cancellations in FY2020–21.
          const status: DispatchStatus = officeRng.chance(fy === 2020 || fy === 2021 ? 0.35 : 0.07) ? "cancelled" : "done";
          const id = `dispatch-${office.id}-${fy}-${String(k + 1).padStart(2, "0")}`;
          const audience = ["inhospital_salon", "group_work", "testimony", "hospital_community_exchange", "awareness_event"].includes(purpose) && status === "done" ? officeRng.int(4, 24) : null;
          dispatches.push({
            id,
            prefectureCode: "33",
            officeId: office.id,
            date,
            startTime: `${String(startHour).padStart(2, "0")}:00`,
            endTime: `${String(Math.floor(endMinutes / 60)).padStart(2, "0")}:${String(endMinutes % 60).padStart(2, "0")}`,
            requestingOrg: atHospital ? "病院 精神保健福祉士（見本）" : officeRng.pick(["市町村 障害福祉課（見本）", "相談支援事業所（見本）", null]),
            destinationKind: atHospital ? "hospital" : "venue",
            hospitalId: atHospital ? officeRng.pick(pool) : null,
            destinationName: atHospital ? null : officeRng.pick(VENUES),
            purpose,
            audienceCount: audience,
            caseId: linked?.id ?? null,
            status,
            report: status === "done" ? (atHospital ? "入院中の方と退院後の生活について話し合った（見本の記録）。" : "体験を伝え、参加者と意見を交わした（見本の記録）。") : null,
            version: 1,
            createdBy: office.coordinatorId,
            createdAt: `${date}T18:00:00.000Z`,
            updatedBy: office.coordinatorId,
            updatedAt: `${date}T18:00:00.000Z`,
          });
          for (const p of team) members.push({ dispatchId: id, peerId: p.id, hours, honorariumYen: Math.round(hours * 1000), travelYen: officeRng.pick([0, 400, 800, 1200, 1600]) });
        }
      }
    }

    const BATCH = 200;
    const insert = <T extends Parameters<typeof tx.insert>[0]>(table: T, rows: T["$inferInsert"][]) => {
      for (let i = 0; i < rows.length; i += BATCH) tx.insert(table).values(rows.slice(i, i + BATCH)).run();
    };
    insert(
      peerSupporters,
      peers.map((p) => {
        const current = p.registrations.at(-1)!;
        const office = offices.find((o) => o.id === p.officeId)!;
        return {
          id: p.id,
          prefectureCode: "33",
          officeId: p.officeId,
          displayCode: p.code,
          registeredOn: p.registrations[0]!.registeredOn,
          registrationFy: current.fiscalYear,
          expiresOn: current.expiresOn,
          status: p.status,
          // The day of 休止 / 登録抹消, as the app writes it (the yearly counts date a withdrawal by it).
          statusChangedOn: p.status === "active" ? null : p.statusOn,
          consentDate: p.registrations[0]!.registeredOn,
          volunteerInsuranceUntil: current.expiresOn,
          version: 1,
          createdBy: office.coordinatorId,
          createdAt: `${p.registrations[0]!.registeredOn}T09:00:00.000Z`,
          updatedBy: office.coordinatorId,
          updatedAt: `${p.statusOn}T09:00:00.000Z`,
        };
      }),
    );
    insert(
      peerRegistrations,
      peers.flatMap((p) => {
        const office = offices.find((o) => o.id === p.officeId)!;
        return p.registrations.map((r) => ({ peerId: p.id, ...r, createdBy: office.coordinatorId, createdAt: `${r.registeredOn}T09:00:00.000Z` }));
      }),
    );
    insert(peerIdentities, identities);
    insert(peerTrainings, trainings);
    insert(peerActivities, activities);
    insert(peerAreas, areas);
    insert(peerDispatches, dispatches);
    insert(peerDispatchMembers, members);
    return { peers: peers.length, dispatches: dispatches.length, offices: new Set(peers.map((p) => p.officeId)).size };
  });
}
