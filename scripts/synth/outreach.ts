import type { Ctx, Office } from "./context";
import { fiscalYearOfDay, fyStart, iso } from "./dates";
import { drawPerson } from "./people";
import { formatOutreachCaseNumber } from "@/lib/domain/outreach-rules";

/*
 * Outreach cases (アウトリーチ, ADR 0013 and 0016): a new person each, 選定前 → 支援中 → 終結 with
 * the dates in order, contacts (with the professions present) only while the support runs, and
 * the outcomes an engaged case reaches. Numbered per office and fiscal year in their own sequence.
 */

const CONTACT_MINUTES: Record<string, [number, number]> = {
  home_visit: [30, 90],
  accompany_clinic: [60, 180],
  family_interview: [30, 90],
  phone_mail: [10, 30],
  case_conference: [45, 120],
  liaison: [15, 45],
};
const SUMMARY: Record<string, string> = {
  home_visit: "自宅を訪問。生活状況と体調を確認した（見本の記録）。",
  accompany_clinic: "受診に同行した（見本の記録）。",
  family_interview: "家族と面談した（見本の記録）。",
  phone_mail: "電話で近況を確認した（見本の記録）。",
  case_conference: "ケース会議で支援方針を確認した（見本の記録）。",
  liaison: "関係機関と連絡調整した（見本の記録）。",
};

export function generateOutreach(ctx: Ctx, office: Office, count: number, contactsPerCase: number): void {
  const { w, today } = ctx;
  const insertCase = w.table("outreach_cases", [
    "id", "case_no", "person_id", "prefecture_code", "office_id", "coordinator_user_id", "status", "primary_target", "team_kind", "team_name", "referral_date",
    "referral_source", "diagnosis_group", "diagnosis_suspected", "selection_conference_date", "start_date", "end_date", "end_reason", "gaf_start", "gaf_end",
    "last_contact_date", "version", "created_by", "created_at", "updated_by", "updated_at",
  ]);
  const target = w.table("outreach_case_targets", ["outreach_case_id", "target"]);
  const contact = w.table("outreach_contacts", ["id", "outreach_case_id", "date", "contact_type", "place", "minutes", "met_person", "summary", "created_by", "created_at", "version"]);
  const profession = w.table("outreach_contact_professions", ["contact_id", "profession"]);
  const outcome = w.table("outreach_outcomes", ["id", "outreach_case_id", "outcome", "date", "note", "created_by", "created_at", "version"]);
  const sequence = w.table("outreach_number_sequences", ["office_id", "fiscal_year", "last_seq"]);
  const rng = ctx.rng.fork(`outreach-${office.id}`);
  const first = fyStart(ctx.fiscalYears[0]!);
  const referrals = Array.from({ length: count }, () => first + rng.int(0, today - first)).sort((a, b) => a - b);
  const lastSeq = new Map<number, number>();
  const stamp = (d: number, t: string) => {
    const s = `${iso(d)}T${t}.000Z`;
    return s < ctx.nowIso ? s : ctx.nowIso;
  };

  referrals.forEach((referral, index) => {
    const c = rng.fork(`o${index}`);
    const coordinator = office.coordinatorIds[index % office.coordinatorIds.length]!;
    const refIso = iso(referral);
    const caseId = ctx.ids.at(refIso);
    const personId = ctx.ids.at(refIso);
    const refYear = Number(refIso.slice(0, 4));
    const person = drawPerson(c, refYear - 60, refYear - 20, { male: 55, female: 45 });
    const municipality = office.municipalities.length > 0 ? c.pick(office.municipalities) : null;
    ctx.people.writePerson(personId, person, { prefectureCode: office.prefectureCode, officeId: office.id, municipality }, { phone: c.chance(0.6) ? `090-0000-${String(c.int(0, 9999)).padStart(4, "0")}` : null, address: null }, stamp(referral, "00:30:00"));

    const age = today - referral;
    const selection = c.chance(0.8) ? Math.min(referral + c.int(3, 30), today) : null;
    const started = age > 30 && c.chance(0.92) ? Math.min(Math.max(selection ?? referral, referral + c.int(7, 60)), today) : null;
    const closes = started !== null ? c.chance(Math.min(0.95, age / 900)) : age > 60 && c.chance(0.5);
    const endDay = closes ? Math.min(today, (started ?? referral) + (started !== null ? c.int(90, 720) : c.int(14, 60))) : null;
    const status = endDay !== null ? "closed" : started !== null ? "active" : "referred";
    const endReason = endDay === null ? null : started === null ? c.weighted({ refused: 3, moved: 1, other: 1 }) : c.weighted({ goal_met: 45, handed_over: 30, refused: 8, moved: 5, admitted_long: 6, death: 1, other: 5 });
    const targets = [c.weighted({ untreated: 35, treatment_interrupted: 35, post_long_stay: 10, revolving_door: 10, hikikomori: 8, other_selected: 2 })];
    if (c.chance(0.25)) {
      const second = c.pick(["untreated", "treatment_interrupted", "post_long_stay", "revolving_door", "hikikomori"] as const);
      if (second !== targets[0]) targets.push(second);
    }
    const teamKind = c.weighted({ health_center: 50, contracted_hospital: 30, mhwc: 15, other: 5 });

    let lastContact: number | null = null;
    if (started !== null) {
      const until = endDay ?? today;
      const n = Math.max(1, Math.round(contactsPerCase * (0.4 + c.next() * 1.2) * Math.min(1, (until - started + 30) / 365)));
      const days = Array.from({ length: n }, () => started + c.int(0, Math.max(0, until - started))).sort((a, b) => a - b);
      days.forEach((d, i) => {
        const type = c.weighted({ home_visit: 45, accompany_clinic: 12, family_interview: 10, phone_mail: 20, case_conference: 8, liaison: 5 });
        const met = type === "home_visit" || type === "accompany_clinic" ? c.chance(0.75) : type === "phone_mail" ? c.chance(0.6) : false;
        const [lo, hi] = CONTACT_MINUTES[type]!;
        const id = ctx.ids.at(iso(d));
        contact(id, caseId, iso(d), type, type === "home_visit" ? ctx.people.encrypt("自宅") : null, Math.round(c.int(lo, hi) / 5) * 5, met ? 1 : 0, c.chance(ctx.summaryShare) ? ctx.people.encrypt(SUMMARY[type]!) : null, coordinator, stamp(d, `0${i % 10}:00:00`), 1);
        profession(id, teamKind === "contracted_hospital" ? "nurse" : "phn");
        if (c.chance(0.4)) profession(id, c.pick(["psw", "psychiatrist", "ot", "peer"] as const));
      });
      lastContact = days.at(-1) ?? null;
      if (endDay !== null && (endReason === "goal_met" || endReason === "handed_over")) {
        const outcomes: string[] = [c.weighted({ linked_to_care: 4, treatment_continued: 3, service_started: 3, engaged: 2, handed_to_local: 2 })];
        if (c.chance(0.4)) outcomes.push(c.pick(["engaged", "crisis_avoided", "service_started"] as const));
        [...new Set(outcomes)].forEach((o, i) => outcome(ctx.ids.at(iso(endDay)), caseId, o, iso(Math.max(started, endDay - i * 7)), null, coordinator, stamp(endDay, "09:00:00"), 1));
      } else if (c.chance(0.3)) {
        const d = Math.min(started + c.int(30, 180), endDay ?? today);
        outcome(ctx.ids.at(iso(d)), caseId, c.pick(["engaged", "no_change", "crisis_avoided"] as const), iso(d), null, coordinator, stamp(d, "09:00:00"), 1);
      }
    }
    const fy = fiscalYearOfDay(referral);
    const seq = (lastSeq.get(fy) ?? 0) + 1;
    lastSeq.set(fy, seq);
    const updated = Math.max(referral, started ?? 0, endDay ?? 0, lastContact ?? 0);
    insertCase(
      caseId, formatOutreachCaseNumber(office.prefectureCode, office.casePrefix, fy, seq), personId, office.prefectureCode, office.id, coordinator, status, targets[0]!,
      teamKind, teamKind === "health_center" ? `${office.name}アウトリーチチーム` : "アウトリーチ支援チーム（見本）", refIso,
      c.weighted({ family: 30, municipality: 20, health_center: 15, hospital_psw: 10, welfare_office_cw: 10, self: 5, other: 10 }),
      c.weighted({ F2: 50, F3: 15, F8: 8, F1: 5, F4: 5, unknown: 17 }), c.chance(0.3) ? 1 : 0,
      selection === null ? null : iso(Math.min(selection, started ?? selection)), started === null ? null : iso(started), endDay === null ? null : iso(endDay), endReason,
      started === null ? null : c.int(25, 55), endDay !== null && started !== null ? c.int(35, 70) : null, lastContact === null ? null : iso(lastContact),
      1, coordinator, stamp(referral, "00:30:00"), coordinator, stamp(updated, "10:00:00"),
    );
    for (const t of targets) target(caseId, t);
  });
  for (const [fy, seq] of lastSeq) sequence(office.id, fy, seq);
}
