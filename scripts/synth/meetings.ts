import type { Ctx, Office } from "./context";
import { fyEnd, fyStart, iso } from "./dates";

/*
 * What a prefecture and its offices hold and run besides cases (the activity indicators A1–A17 and
 * S1–S5 of the 自治体情報シート): 協議の場 (kyogi bodies at prefecture, region and municipality
 * level, each municipality's yearly status), meetings with their attendance by sector, trainings
 * with attendance by profession, awareness and family-support events, and the contractor's monthly
 * phone-line and hostel reports. Every date in the ten years and never after today.
 */

const SECTORS = ["health", "medical_psych", "medical_other", "welfare", "care", "person", "peer", "family", "housing", "government", "other"] as const;
const PROFESSIONS = ["doctor", "nurse", "phn", "psw", "ot", "cp", "soudan", "care_manager", "municipal", "peer", "other"] as const;
const VENUES = ["県庁会議室", "保健所会議室", "市民会館（見本）", "福祉センター（見本）"];

export type PrefectureScope = { code: string; name: string; regions: { id: string; name: string }[]; municipalities: { code: string; regionId: string }[]; offices: Office[]; prefectureUserId: string };

export function generatePrefectureActivities(ctx: Ctx, p: PrefectureScope, size: number): void {
  const { w, today } = ctx;
  const rng = ctx.rng.fork(`activities-${p.code}`);
  const stamp = (d: number, t = "08:00:00") => {
    const s = `${iso(d)}T${t}.000Z`;
    return s < ctx.nowIso ? s : ctx.nowIso;
  };
  const edited = (by: string, d: number) => [1, by, stamp(d), by, stamp(d)] as const;
  const kyogi = w.table("kyogi_bodies", ["id", "prefecture_code", "level", "region_id", "municipality_code", "office_id", "name", "established_on", "active", "ended_on", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const status = w.table("municipal_kyogi_status", ["municipality_code", "fiscal_year", "prefecture_code", "exists", "established_on", "form", "meetings_held", "note", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const meeting = w.table("meetings", ["id", "prefecture_code", "office_id", "kind", "kyogi_body_id", "region_id", "date", "title", "venue", "agenda", "targets_reviewed", "cases_reviewed", "advisor_dispatched", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const attendance = w.table("meeting_attendance", ["meeting_id", "sector", "count"]);
  const trainingEvent = w.table("training_events", ["id", "prefecture_code", "office_id", "kind", "scope", "region_id", "date", "title", "venue", "sessions", "note", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const trainingAttendance = w.table("training_attendance", ["training_event_id", "profession", "count"]);
  const event = w.table("community_events", ["id", "prefecture_code", "office_id", "kind", "subtype", "date", "title", "venue", "participants", "families", "with_peers", "note", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const phone = w.table("phone_line_months", [
    "prefecture_code", "month", "calls_total", "unique_callers", "band_day", "band_night", "band_late_night", "caller_self", "caller_family", "caller_agency",
    "topic_symptoms", "topic_medication", "topic_daily_life", "topic_relationships", "topic_anxiety", "topic_systems", "topic_other", "response_advice", "response_referral", "response_emergency",
    "note", "version", "created_by", "created_at", "updated_by", "updated_at",
  ]);
  const hostel = w.table("hostel_months", ["prefecture_code", "month", "rooms", "unique_users", "stays", "nights_rest", "nights_refuge", "nights_trial_stay", "new_registrations", "consultations", "note", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const prefUser = p.prefectureUserId;
  const years = ctx.fiscalYears;
  const first = fyStart(years[0]!);
  const dayIn = (fy: number) => {
    const from = fyStart(fy);
    return from + rng.int(0, Math.max(0, Math.min(fyEnd(fy), today) - from));
  };
  const addMeeting = (kind: string, d: number, title: string, o: { office?: Office | null; regionId?: string | null; body?: string | null; cases?: number | null; targets?: boolean; by?: string }) => {
    const id = ctx.ids.at(iso(d));
    const by = o.by ?? o.office?.coordinatorIds[0] ?? prefUser;
    meeting(id, p.code, o.office?.id ?? null, kind, o.body ?? null, o.regionId ?? o.office?.regionId ?? null, iso(d), title, rng.pick(VENUES), null, o.targets ? 1 : 0, o.cases ?? null, rng.chance(0.1) ? 1 : 0, ...edited(by, d));
    for (const s of SECTORS) if (rng.chance(s === "health" || s === "welfare" || s === "medical_psych" ? 0.95 : 0.35)) attendance(id, s, rng.int(1, 8));
  };

  // 協議の場: the prefecture's, one per region, and municipal ones established over the years.
  const prefBody = `kb-${p.code}-pref`;
  kyogi(prefBody, p.code, "prefecture", null, null, null, `${p.name}精神障害にも対応した地域包括ケアシステム構築推進会議`, iso(first - 400), 1, null, ...edited(prefUser, first));
  const regionBodies = p.regions.map((r, i) => {
    const id = `kb-${p.code}-r${i + 1}`;
    const est = i < p.regions.length * 0.6 ? first - 200 : dayIn(years[rng.int(0, 4)]!);
    kyogi(id, p.code, "region", r.id, null, null, `${r.name}地域移行推進協議会`, iso(est), 1, null, ...edited(prefUser, Math.min(est, today)));
    return { id, regionId: r.id, est };
  });
  for (const m of p.municipalities) {
    // The year the municipality set up its council (some never did within the ten years).
    const setUp = rng.chance(0.75) ? rng.int(0, years.length - 1) : null;
    const est = setUp === null ? null : dayIn(years[setUp]!);
    if (est !== null) kyogi(`kb-${p.code}-m${m.code}`, p.code, "municipality", null, m.code, null, `${m.code}協議の場`, iso(est), 1, null, ...edited(prefUser, est));
    years.forEach((fy, i) => {
      const exists = setUp !== null && i >= setUp;
      const at = Math.min(fyEnd(fy), today);
      status(m.code, fy, p.code, exists ? 1 : 0, exists ? iso(est!) : null, exists ? rng.weighted({ single: 5, joint: 2, jiritsu_subcommittee: 3 }) : null, exists ? rng.int(1, 4) : null, null, ...edited(prefUser, at));
    });
  }

  const mainOfRegion = new Map<string, Office>();
  for (const o of p.offices) if (!mainOfRegion.has(o.regionId) && o.kind !== "prefectural_branch") mainOfRegion.set(o.regionId, o);
  for (const fy of years) {
    if (fyStart(fy) > today) continue;
    // Prefecture level.
    for (let i = rng.int(1, 3); i > 0; i--) addMeeting("chiiki_ikou_suishin", dayIn(fy), "地域移行推進検討会", {});
    addMeeting("ken_suishin_kaigi", dayIn(fy), "県推進会議", { body: prefBody, targets: true });
    for (let i = rng.int(1, 2); i > 0; i--) addMeeting("kyogi", dayIn(fy), "県協議の場", { body: prefBody, targets: rng.chance(0.5) });
    for (let i = rng.int(2, 4); i > 0; i--) addMeeting("jiritsu_council", dayIn(fy), "自立支援協議会", {});
    // Regions.
    for (const b of regionBodies) {
      if (b.est > Math.min(fyEnd(fy), today)) continue;
      const office = mainOfRegion.get(b.regionId) ?? null;
      for (let i = rng.int(1, 3); i > 0; i--) addMeeting("kyogi", Math.max(b.est, dayIn(fy)), "圏域協議の場", { office, regionId: b.regionId, body: b.id, targets: rng.chance(0.3) });
      for (let i = rng.int(1, 2); i > 0; i--) addMeeting("region_liaison", dayIn(fy), "圏域連絡調整会議", { office, regionId: b.regionId });
    }
    // Offices: case reviews, staff liaison, core members, outreach reviews.
    for (const o of p.offices) {
      for (let i = Math.round(rng.int(1, 3) * size); i > 0; i--) addMeeting("case_review", dayIn(fy), "事例検討会", { office: o, cases: rng.int(1, 4) });
      if (rng.chance(0.5)) addMeeting("hc_staff_liaison", dayIn(fy), "保健所担当者連絡会", { office: o });
      if (rng.chance(0.6)) addMeeting("core_member", dayIn(fy), "コアメンバー会議", { office: o });
      if (rng.chance(0.3)) addMeeting("outreach_case_review", dayIn(fy), "アウトリーチ事例検討会", { office: o, cases: rng.int(1, 3) });
      // Events: awareness and family support.
      for (let i = rng.int(0, 2); i > 0; i--) {
        const d = dayIn(fy);
        event(ctx.ids.at(iso(d)), p.code, o.id, "awareness", rng.pick(["seminar", "lecture", "forum", "exchange", "campaign"]), iso(d), "こころの健康講演会（見本）", rng.pick(VENUES), rng.int(15, 120), null, rng.chance(0.4) ? 1 : 0, null, ...edited(o.coordinatorIds[0]!, d));
      }
      if (rng.chance(0.6)) {
        const d = dayIn(fy);
        event(ctx.ids.at(iso(d)), p.code, o.id, "family_support", rng.pick(["study_session", "family_class", "family_group_support", "family_consultation"]), iso(d), "家族教室（見本）", rng.pick(VENUES), rng.int(5, 30), rng.int(3, 20), 0, null, ...edited(o.coordinatorIds[0]!, d));
      }
    }
    // Trainings: workforce development at prefecture and region level, the others now and then.
    const trainings: [string, string, string | null][] = [["jinzai_ikusei", "prefecture", null], ["chiiki_ikou_teichaku", "prefecture", null], ["peer_yousei", "prefecture", null]];
    for (const r of p.regions) if (rng.chance(0.5)) trainings.push(["jinzai_ikusei", "region", r.id]);
    for (const [kind, scope, regionId] of trainings) {
      const d = dayIn(fy);
      const id = ctx.ids.at(iso(d));
      trainingEvent(id, p.code, null, kind, scope, regionId, iso(d), kind === "peer_yousei" ? "ピアサポーター養成研修" : kind === "jinzai_ikusei" ? "人材育成研修" : "地域移行・地域定着研修", rng.pick(VENUES), rng.int(1, 3), null, ...edited(prefUser, d));
      for (const prof of PROFESSIONS) if (rng.chance(0.5)) trainingAttendance(id, prof, rng.int(1, 15));
    }
  }

  // Monthly reports of the 24-hour phone line and of the hostel (every prefecture has both here,
  // so that A16 and A17 have figures everywhere).
  for (const fy of years) {
    for (let m = 0; m < 12; m++) {
      const monthIndex = fy * 12 + 3 + m;
      const y = Math.floor(monthIndex / 12);
      const month = `${y}-${String((monthIndex % 12) + 1).padStart(2, "0")}`;
      const reported = `${month}-28`;
      if (reported > iso(today)) continue;
      const d = Math.min(today, fyStart(fy) + m * 30 + 35);
      const total = Math.round(rng.int(80, 260) * Math.max(1, size));
      const night = Math.round(total * (0.25 + rng.next() * 0.1));
      const late = Math.round(total * (0.1 + rng.next() * 0.05));
      const self = Math.round(total * 0.6);
      const family = Math.round(total * 0.3);
      const t = (share: number) => Math.round(total * share);
      // As the report's arithmetic requires (lib/domain/activity-rules.ts): bands, callers and
      // responses add up to the total, topics (a call may touch several) to at least the total.
      const topics = [t(0.25), t(0.1), t(0.2), t(0.15), t(0.2), t(0.05)];
      const topicOther = Math.max(0, total - topics.reduce((a, b) => a + b, 0)) + t(0.05);
      const advice = t(0.85);
      const referral = t(0.12);
      phone(p.code, month, total, Math.round(total * 0.45), total - night - late, night, late, self, family, total - self - family, ...topics, topicOther, advice, referral, total - advice - referral, null, ...edited(prefUser, d));
      const stays = rng.int(2, 12);
      hostel(p.code, month, 2, Math.max(1, stays - rng.int(0, 3)), stays, rng.int(2, 15), rng.int(0, 6), rng.int(0, 10), rng.int(0, 3), rng.int(2, 15), null, ...edited(prefUser, d));
    }
  }
}
