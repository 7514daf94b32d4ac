import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  communityEvents,
  hostelMonths,
  meetingAttendance,
  meetings,
  municipalKyogiStatus,
  municipalities,
  phoneLineMonths,
  trainingAttendance,
  trainingEventCohosts,
  trainingEvents,
} from "@/db/schema";
import type { KyogiForm } from "@/lib/domain/activity-codes";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { DEMO_LAST_FY } from "./demo-cases";
import { FORM_WEIGHTS, buildBodies, contextFor, okayamaYear, weekdayIn, yamaguchiYear, type Rows } from "./demo-activities";
import { createRng } from "./random";
import { RECENT_FIRST_FY, dateBetween, minDate, pad, ts, type RecentContext } from "./demo-recent-util";

/*
 * The offices' and prefectures' yearly work after FY2024, up to the seeding day (ADR 0020):
 * each year's meetings, trainings and events are drawn by the same year builders as FY2019–
 * FY2024 (demo-activities.ts) and kept up to today; the phone-line and hostel figures up to the
 * last complete month; every municipality's 協議の場 row carried forward from FY2024, one more
 * municipality of 山口県 gaining one each year (岡山県 has all 27 since FY2024).
 */

const SEED = "tsunagu-demo-recent-activities-v1";

export type RecentWorkSummary = { meetings: number; trainings: number; events: number; statusRows: number; months: number };

/** Rows of the recent years whose date is today at the latest, renamed so no id meets an older one. */
function keepUpToToday(rows: Rows, prefectureCode: string, fy: number, today: string, out: Rows): void {
  const lastMonth = today.slice(0, 7); // the current month is not complete yet
  const meetingIds = new Map<string, string>();
  for (const m of rows.meetings.filter((r) => r.date <= today)) {
    const id = `mt-${prefectureCode}-fy${fy}-${pad(meetingIds.size + 1, 3)}`;
    meetingIds.set(m.id!, id);
    out.meetings.push({ ...m, id });
  }
  for (const a of rows.meetingAttendance) if (meetingIds.has(a.meetingId)) out.meetingAttendance.push({ ...a, meetingId: meetingIds.get(a.meetingId)! });
  const trainingIds = new Map<string, string>();
  for (const t of rows.trainings.filter((r) => r.date <= today)) {
    const id = `tr-${prefectureCode}-fy${fy}-${pad(trainingIds.size + 1, 3)}`;
    trainingIds.set(t.id!, id);
    out.trainings.push({ ...t, id });
  }
  for (const c of rows.cohosts) if (trainingIds.has(c.trainingEventId)) out.cohosts.push({ ...c, trainingEventId: trainingIds.get(c.trainingEventId)! });
  for (const a of rows.trainingAttendance) if (trainingIds.has(a.trainingEventId)) out.trainingAttendance.push({ ...a, trainingEventId: trainingIds.get(a.trainingEventId)! });
  let events = 0;
  for (const e of rows.events.filter((r) => r.date <= today)) out.events.push({ ...e, id: `ev-${prefectureCode}-fy${fy}-${pad(++events, 3)}` });
  out.phone.push(...rows.phone.filter((r) => r.month < lastMonth));
  out.hostel.push(...rows.hostel.filter((r) => r.month < lastMonth));
}

const emptyRows = (): Rows => ({ kyogiBodies: [], status: [], meetings: [], meetingAttendance: [], trainings: [], cohosts: [], trainingAttendance: [], events: [], phone: [], hostel: [] });

/**
 * Every municipality's row for the recent years: what FY2024 recorded, carried forward, with
 * meetings held that year; in 山口県 one more municipality sets up its 協議の場 each year.
 */
function carryMunicipalStatus(tx: Tx, prefectureCode: string, prefectureUserId: string, ctx: RecentContext, out: Rows): void {
  const rng = createRng(`${SEED}-status-${prefectureCode}`);
  const kinds = new Map(tx.select({ code: municipalities.code, kind: municipalities.kind }).from(municipalities).where(eq(municipalities.prefectureCode, prefectureCode)).all().map((m) => [m.code, m.kind]));
  const previous = new Map(
    tx
      .select()
      .from(municipalKyogiStatus)
      .where(eq(municipalKyogiStatus.prefectureCode, prefectureCode))
      .orderBy(asc(municipalKyogiStatus.municipalityCode))
      .all()
      .filter((r) => r.fiscalYear === DEMO_LAST_FY)
      .map((r) => [r.municipalityCode, { exists: r.exists, form: r.form, establishedOn: r.establishedOn, note: r.note }]),
  );
  // The order in which the remaining municipalities join, fixed by the seed.
  const waiting = [...previous].filter(([, v]) => !v.exists).map(([code]) => code);
  const order: string[] = [];
  while (waiting.length) order.push(waiting.splice(rng.int(0, waiting.length - 1), 1)[0]!);
  for (let fy = RECENT_FIRST_FY; fy <= ctx.currentFy; fy++) {
    const g = rng.fork(`fy-${fy}`);
    const { start } = fiscalYearRange(fy);
    const current = fy === ctx.currentFy;
    const joining = order[fy - RECENT_FIRST_FY];
    for (const [code, last] of previous) {
      let next = { ...last };
      if (code === joining) {
        const small = kinds.get(code) === "town" || kinds.get(code) === "village";
        const form = g.weighted<KyogiForm>(small ? { ...FORM_WEIGHTS, joint: 35, single: 20 } : FORM_WEIGHTS);
        // Set up during the year: in the current year, on a day already passed.
        const established = current ? dateBetween(g, start, ctx.today) : weekdayIn(g, fy, g.pick([5, 6, 7, 9, 10, 11, 1, 2]));
        next = { exists: true, form, establishedOn: established, note: null };
      }
      out.status.push({
        municipalityCode: code,
        fiscalYear: fy,
        prefectureCode,
        exists: next.exists,
        form: next.exists ? next.form : null,
        establishedOn: next.exists ? next.establishedOn : null,
        meetingsHeld: next.exists ? (current ? g.int(0, 2) : g.int(1, 4)) : 0,
        note: next.exists ? null : next.note,
        version: 1,
        createdBy: prefectureUserId,
        createdAt: ts(minDate(`${fy + 1}-03-20`, ctx.today)),
        updatedBy: prefectureUserId,
        updatedAt: ts(minDate(`${fy + 1}-03-20`, ctx.today)),
      });
      previous.set(code, next);
    }
  }
}

export function seedRecentWork(tx: Tx, ctx: RecentContext): RecentWorkSummary {
  const out = emptyRows();
  for (const prefectureCode of ["33", "35"]) {
    const scratch = emptyRows();
    const activities = contextFor(tx, prefectureCode, scratch);
    if (!activities) continue;
    // The registry's rows only serve the year builders' lookups (the bodies are in the table already).
    const bodies = buildBodies(activities);
    const rng = createRng(`${SEED}-${prefectureCode}`);
    for (let fy = RECENT_FIRST_FY; fy <= ctx.currentFy; fy++) {
      const year = emptyRows();
      const yearCtx = { ...activities, rows: { ...year, kyogiBodies: scratch.kyogiBodies } };
      (prefectureCode === "33" ? okayamaYear : yamaguchiYear)(yearCtx, rng.fork(`fy-${fy}`), fy, bodies);
      keepUpToToday(yearCtx.rows, prefectureCode, fy, ctx.today, out);
    }
    carryMunicipalStatus(tx, prefectureCode, activities.prefectureUserId, ctx, out);
  }
  ctx.insert(municipalKyogiStatus, out.status);
  ctx.insert(meetings, out.meetings);
  ctx.insert(meetingAttendance, out.meetingAttendance);
  ctx.insert(trainingEvents, out.trainings);
  ctx.insert(trainingEventCohosts, out.cohosts);
  ctx.insert(trainingAttendance, out.trainingAttendance);
  ctx.insert(communityEvents, out.events);
  ctx.insert(phoneLineMonths, out.phone);
  ctx.insert(hostelMonths, out.hostel);
  return { meetings: out.meetings.length, trainings: out.trainings.length, events: out.events.length, statusRows: out.status.length, months: out.phone.length };
}
