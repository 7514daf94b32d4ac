import "server-only";
import { count, eq } from "drizzle-orm";
import { ulid } from "ulid";
import type { Db } from "@/db/client";
import { appMeta, cases, externalStatistics, meetings, outreachCases, peerSupporters, planPeriods, prefectures, userOffices, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { appNow } from "@/lib/domain/clock";
import { currentFiscalYear, todayIso } from "@/lib/domain/fiscal-year";
import { seedDemoActivities } from "./demo-activities";
import { seedDemoCases } from "./demo-cases";
import { seedDemoIndicators } from "./demo-indicators";
import { seedDemoOutreach } from "./demo-outreach";
import { seedDemoPeers } from "./demo-peers";
import { describeRecent, seedDemoRecent } from "./demo-recent";
import { loadOrgTree, orgId } from "./org";
import type Database from "better-sqlite3";
import { encryptIdentities } from "./encrypt-identities";
import { loadPlanPeriods } from "./plan-periods";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { DEMO_DATA_KEY, markDemoData } from "./demo-marker";

type Log = (message: string) => void;

/**
 * Bring a freshly migrated database to a usable state: the organisation tree always
 * (it is master data), demo accounts and demo cases unless TSUNAGU_DEMO_DATA=off. Idempotent:
 * each part is loaded only into an empty table, so a second start keeps everything.
 *
 * The demo runs from FY2019 up to the day it is seeded (the app's today, lib/domain/clock.ts):
 * FY2019–FY2024 are fixed; the years after are written relative to that day (demo-recent.ts,
 * ADR 0020), only right after the FY2019–FY2024 seeders have filled empty tables.
 */
export async function prepareDatabase(db: Db, log: Log = () => {}): Promise<void> {
  const [{ n: prefectureCount }] = db.select({ n: count() }).from(prefectures).all() as [{ n: number }];
  if (prefectureCount === 0) {
    const c = db.transaction((tx) => loadOrgTree(tx));
    log(`Loaded the organisation tree: ${c.prefectures} prefectures, ${c.regions} regions, ${c.offices} offices, ${c.municipalities} municipalities.`);
  }
  const [{ n: periodCount }] = db.select({ n: count() }).from(planPeriods).all() as [{ n: number }];
  if (periodCount === 0) {
    const n = db.transaction((tx) => loadPlanPeriods(tx));
    log(`Loaded ${n} plan periods (障害福祉計画, 医療計画).`);
  }
  if (process.env.TSUNAGU_DEMO_DATA === "off") return fillNameKeys(db, log);
  // Read the app's clock once, so every part of the demo agrees on the day it is seeded.
  const now = appNow();
  const seeded = { cases: false, peers: false, activities: false, outreach: false };
  const [{ n: userCount }] = db.select({ n: count() }).from(users).all() as [{ n: number }];
  if (userCount === 0) {
    await seedDemoUsers(db);
    markDemoData(db);
    log(`Created ${DEMO_USERS.length} demo accounts (password: ${DEMO_PASSWORD}).`);
  } else if (await seededBeforeTheMarker(db)) {
    markDemoData(db, "demo seed (database from before the marker)");
    log("Marked the database as holding demo data: its demo accounts predate the marker.");
  }
  const [{ n: caseCount }] = db.select({ n: count() }).from(cases).all() as [{ n: number }];
  if (caseCount === 0) {
    const s = seedDemoCases(db);
    seeded.cases = true;
    log(`Created ${s.cases} demo cases across FY${s.firstFiscalYear}–FY${s.lastFiscalYear}.`);
    if (s.skippedOffices.length > 0) log(`No demo cases for offices without a coordinator: ${s.skippedOffices.join(", ")}.`);
  }
  const [{ n: peerCount }] = db.select({ n: count() }).from(peerSupporters).all() as [{ n: number }];
  if (peerCount === 0) {
    const p = seedDemoPeers(db, now);
    seeded.peers = true;
    log(`Created ${p.peers} demo peer supporters at ${p.offices} offices and ${p.dispatches} dispatches.`);
  }
  const [{ n: meetingCount }] = db.select({ n: count() }).from(meetings).all() as [{ n: number }];
  if (meetingCount === 0) {
    const a = seedDemoActivities(db);
    seeded.activities = true;
    log(`Created demo activities: ${a.meetings} meetings, ${a.trainings} trainings, ${a.events} events, ${a.kyogiBodies} 協議の場, ${a.phoneMonths} months of phone and hostel figures.`);
  }
  const [{ n: outreachCount }] = db.select({ n: count() }).from(outreachCases).all() as [{ n: number }];
  if (outreachCount === 0) {
    const o = seedDemoOutreach(db);
    seeded.outreach = true;
    log(`Created ${o.cases} demo outreach cases with ${o.contacts} contacts and ${o.outcomes} outcomes.`);
  }
  // The years after FY2024 continue what the seeders above just wrote, so they come only with them.
  if (seeded.cases && seeded.peers && seeded.activities && seeded.outreach) {
    const today = todayIso(now);
    const r = seedDemoRecent(db, today);
    if (r) log(describeRecent(r));
    else log(`The demo ends on 2025-03-31: today (${today}) is not after it, so no later years were added.`);
  }
  // The sheet's inputs (external statistics, targets, rows, narratives, yearly facts), FY2019 to today's year.
  const [{ n: statisticCount }] = db.select({ n: count() }).from(externalStatistics).all() as [{ n: number }];
  if (statisticCount === 0) {
    const i = seedDemoIndicators(db, Math.max(2024, currentFiscalYear(now)));
    log(`Created the sheet's demo inputs: ${i.statistics} external statistic sets, ${i.targets} targets, ${i.sheetRows} sheet rows, ${i.narratives} narratives, ${i.yearFacts} yearly facts.`);
  }
  fillNameKeys(db, log);
}

/** Encryption at rest of identities still in plain text, and the prefix tokens of those without (ADR 0040). */
function fillNameKeys(db: Db, log: Log): void {
  const n = encryptIdentities(db);
  if (n.persons + n.peers + n.corrections + n.freeText > 0) {
    // The plain values must not survive in free pages or in the WAL: rewrite the file, empty the WAL.
    const client = (db as Db & { $client: Database.Database }).$client;
    client.exec("VACUUM");
    client.pragma("wal_checkpoint(TRUNCATE)");
    log(`Encrypted the identities of ${n.persons} persons and ${n.peers} peer supporters, ${n.corrections} corrections and ${n.freeText} free texts (ADR 0040).`);
  }
}

/**
 * A database seeded with the demo accounts before the marker existed (migration 0013): the first
 * demo account still has the demo password. Such a database holds demo data and gets the marker.
 */
async function seededBeforeTheMarker(db: Db): Promise<boolean> {
  if (db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, DEMO_DATA_KEY)).get()) return false;
  const first = db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, DEMO_USERS[0]?.username ?? "")).get();
  return !!first && (await verifyPassword(first.hash, DEMO_PASSWORD));
}

async function seedDemoUsers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  db.transaction((tx) => {
    for (const u of DEMO_USERS) {
      const id = ulid();
      tx.insert(users)
        .values({
          id,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          prefectureCode: u.prefectureCode,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      for (const office of u.offices) {
        tx.insert(userOffices).values({ userId: id, healthCenterId: orgId(u.prefectureCode, office) }).run();
      }
    }
  });
}
