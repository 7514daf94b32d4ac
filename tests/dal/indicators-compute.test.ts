import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countScopeOf, type ScopeRef } from "@/lib/dal/count-scope";
import { IndicatorContext, type Computed } from "@/lib/dal/indicators/context";
import { computeFor } from "@/lib/dal/indicators/registry";
import { addDays } from "@/lib/domain/date-math";
import { INDICATORS } from "@/lib/domain/indicators/definitions";
import {
  addCarePlan,
  addCase,
  addContact,
  addDispatch,
  addEvent,
  addFollowUp,
  addHostelMonth,
  addKyogiBody,
  addMeeting,
  addMunicipalStatus,
  addOutcome,
  addOutreachCase,
  addPeer,
  addPeerTraining,
  addPhoneMonth,
  addStatistic,
  addStay,
  addTraining,
  addTrialStay,
  addYearFacts,
  hospitalOf,
} from "../helpers/indicator-fixtures";
import { seededDb } from "../helpers/test-db";

/*
 * Every indicator computed on records built by hand, so each figure can be checked against a
 * number worked out on paper. The demo data starts in FY2019: the records here are in FY2015–
 * FY2017 (a test below asserts the demo has nothing there, except what it registers with older
 * dates: 協議の場 bodies, taken into account by name, and discharge-rate cohorts).
 *
 * 岡山県 (33): activities, outreach, peers and cases at 備前保健所 (33-bizen), its 東備支所
 * (33-tobi) and 岡山市保健所 (33-okayama-city), all three in 備前圏域. 山口県 (35): cases for the
 * readmission measures at 宇部 (35-ube) and for trial stays, plans, peer involvement and
 * follow-ups at 山口 (35-yamaguchi) with its 防府支所 (35-hofu).
 */

const OK = "33";
const YG = "35";
const LATER = "2026-12-01";
const PREF: ScopeRef = { level: "prefecture" };
const office = (officeId: string): ScopeRef => ({ level: "office", officeId });
const region = (regionId: string): ScopeRef => ({ level: "region", regionId });
const BIZEN = office("33-bizen");
const TOBI = office("33-tobi");

function compute(code: string, prefectureCode: string, ref: ScopeRef, fiscalYear: number, today = LATER): Computed {
  return computeFor(code)(new IndicatorContext(countScopeOf(prefectureCode, ref), ref, fiscalYear, today));
}
const value = (code: string, prefectureCode: string, ref: ScopeRef, fiscalYear: number, today = LATER) => compute(code, prefectureCode, ref, fiscalYear, today).value;
const ok = (code: string, ref: ScopeRef, fiscalYear: number, today = LATER) => compute(code, OK, ref, fiscalYear, today);
const yg = (code: string, ref: ScopeRef, fiscalYear: number, today = LATER) => compute(code, YG, ref, fiscalYear, today);
const breakdown = (c: Computed) => Object.fromEntries((c.breakdown ?? []).map((b) => [b.key, b.value]));
const recordIds = (c: Computed, kind?: string) =>
  (c.records?.() ?? [])
    .filter((g) => !kind || g.kind === kind)
    .flatMap((g) => g.ids);
const same = (actual: string[], expected: string[], message?: string) => assert.deepEqual([...actual].sort(), [...expected].sort(), message);

/** Demo rows dated in FY2015–FY2017, per table: must all be zero for the figures below to be ours. */
let demoRowsInWindow: Record<string, number> = {};
/** The demo's external statistics a sheet of FY2015–FY2017 could use, and its yearly facts there. */
let demoStatisticsInWindow: { p: string; topic: string; ref: string | number }[] = [];
let demoFactsInWindow = -1;
/** 岡山県's demo 協議の場 standing at the end of FY2015 (older bodies the demo registers). */
let demoBodiesFy2015: { id: string; level: string }[] = [];

type Key =
  | "M1" | "M2" | "M3" | "M4" | "M5" | "M6" | "M7" | "M8" | "M9" | "M10" | "M11" | "M12"
  | "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7"
  | "E1" | "E2" | "E3" | "E4"
  | "KB1" | "KB2" | "KB3" | "KB4"
  | "K1" | "K2" | "K3" | "K4" | "K5" | "K6" | "K7" | "K8" | "K9" | "K10"
  | "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8"
  | "Y1" | "Y2" | "Y3"
  | "R1" | "R2" | "R3" | "R4" | "R5"
  | "D1" | "D2" | "D3" | "D4" | "D5" | "D6"
  | "O1" | "O2" | "O3" | "O4" | "O5" | "O6" | "O7" | "O8" | "O9"
  | "CT1" | "CT2" | "CT3" | "CT4" | "CT5" | "CT6" | "CT7" | "CT8" | "CT9" | "CT10"
  | "S630a" | "S630b" | "Spop";
/** The ids of the records built below, by the names the comments use. */
const F = {} as Record<Key, string>;

before(async () => {
  await seededDb();
  const db = getDb();
  const n = (query: string) => (db.get(sql.raw(`SELECT count(*) AS n FROM ${query}`)) as { n: number }).n;
  const from = "2015-04-01";
  const to = "2018-03-31";
  demoRowsInWindow = {
    meetings: n(`meetings WHERE date <= '${to}'`),
    training_events: n(`training_events WHERE date <= '${to}'`),
    community_events: n(`community_events WHERE date <= '${to}'`),
    municipal_kyogi_status: n(`municipal_kyogi_status WHERE fiscal_year <= 2017`),
    cases: n(`cases WHERE support_start_date <= '${to}' OR discharge_date <= '${to}'`),
    readmissions: n(`hospitalizations WHERE is_index = 0 AND admission_date <= '${to}'`),
    trial_stays: n(`trial_stays WHERE start_date <= '${to}'`),
    care_plans: n(`care_plans WHERE created_date <= '${to}' OR ended_on <= '${to}'`),
    follow_up_checks: n(`follow_up_checks WHERE due_date <= '${to}'`),
    peer_supporters: n(`peer_supporters WHERE registered_on <= '${to}'`),
    peer_registrations: n(`peer_registrations WHERE fiscal_year <= 2017`),
    peer_trainings: n(`peer_trainings WHERE completed_on BETWEEN '${from}' AND '${to}'`),
    peer_dispatches: n(`peer_dispatches WHERE date <= '${to}'`),
    outreach_cases: n(`outreach_cases WHERE referral_date <= '${to}' OR start_date <= '${to}'`),
    outreach_contacts: n(`outreach_contacts WHERE date <= '${to}'`),
    outreach_outcomes: n(`outreach_outcomes WHERE date <= '${to}'`),
    phone_line_months: n(`phone_line_months WHERE month <= '2018-03'`),
    hostel_months: n(`hostel_months WHERE month <= '2018-03'`),
  };
  demoStatisticsInWindow = db.all(
    sql.raw(`SELECT prefecture_code AS p, topic, coalesce(as_of, cohort_year) AS ref FROM external_statistics WHERE as_of <= '2018-04-01' OR cohort_year <= 2017 ORDER BY 1, 2, 3`),
  ) as { p: string; topic: string; ref: string | number }[];
  demoFactsInWindow = n(`prefecture_year_facts WHERE fiscal_year <= 2017`);
  demoBodiesFy2015 = db.all(
    sql.raw(`SELECT id, level FROM kyogi_bodies WHERE prefecture_code = '33' AND (established_on IS NULL OR established_on <= '2016-03-31') AND (ended_on IS NULL OR ended_on > '2016-03-31') ORDER BY id`),
  ) as { id: string; level: string }[];

  buildActivities();
  buildCasesOkayama();
  buildCasesUbe();
  buildCasesYamaguchi();
  buildPeers();
  buildOutreach();
  buildInputs();
});

// ---------------------------------------------------------------------------------------
// The records

function buildActivities() {
  // Meetings. S1: 31 March in FY2016, 1 April in FY2017.
  F.M1 = addMeeting({ prefectureCode: OK, kind: "chiiki_ikou_suishin", date: "2017-03-31", kyogiBodyId: "kb-33-pref", targetsReviewed: true, attendance: { health: 3, medical_psych: 2 } });
  F.M2 = addMeeting({ prefectureCode: OK, kind: "chiiki_ikou_suishin", date: "2017-04-01", kyogiBodyId: "kb-33-pref" });
  F.M3 = addMeeting({ prefectureCode: OK, officeId: "33-bizen", regionId: "33-bizen", kind: "case_review", date: "2016-06-10", casesReviewed: 3, attendance: { health: 6 } });
  F.M4 = addMeeting({ prefectureCode: OK, officeId: "33-tobi", kind: "case_review", date: "2017-03-31", casesReviewed: 2 });
  F.M5 = addMeeting({ prefectureCode: OK, officeId: "33-tobi", kind: "case_review", date: "2017-04-01", casesReviewed: 1 });
  F.M12 = addMeeting({ prefectureCode: OK, officeId: "33-okayama-city", kind: "case_review", date: "2016-12-12", casesReviewed: 4 });
  // Targets reviewed at a meeting that is no 協議の場 session: not A3.
  F.M6 = addMeeting({ prefectureCode: OK, officeId: "33-bizen", regionId: "33-bizen", kind: "region_liaison", date: "2016-09-01", targetsReviewed: true });
  F.M7 = addMeeting({ prefectureCode: OK, officeId: "33-bizen", kind: "kyogi", date: "2016-11-15", kyogiBodyId: "kb-33-bizen", targetsReviewed: true, attendance: { welfare: 4 } });
  F.M8 = addMeeting({ prefectureCode: OK, officeId: "33-bizen", kind: "outreach_case_review", date: "2016-12-01" });
  F.M9 = addMeeting({ prefectureCode: OK, officeId: "33-tobi", kind: "outreach_liaison", date: "2017-02-01" });
  F.M11 = addMeeting({ prefectureCode: OK, officeId: "33-bizen", kind: "outreach_evaluation", date: "2016-12-20" });
  F.M10 = addMeeting({ prefectureCode: OK, kind: "jiritsu_council", date: "2016-07-01" });

  // 市町村の協議の場, FY2016: 8 of 27 have one; three held meetings.
  addMunicipalStatus({ municipalityCode: "331007", fiscalYear: 2016, exists: true, meetingsHeld: 3 }); // 岡山市 (岡山市保健所)
  addMunicipalStatus({ municipalityCode: "332046", fiscalYear: 2016, exists: true, meetingsHeld: 2 }); // 玉野市 (備前)
  addMunicipalStatus({ municipalityCode: "332119", fiscalYear: 2016, exists: true, meetingsHeld: 1 }); // 備前市 (東備)
  addMunicipalStatus({ municipalityCode: "332135", fiscalYear: 2016, exists: false }); // 赤磐市 (東備)
  for (const code of ["332020", "332089", "332054", "332070", "332160"]) addMunicipalStatus({ municipalityCode: code, fiscalYear: 2016, exists: true });

  // Trainings, FY2016 (T7 in FY2017).
  F.T1 = addTraining({ prefectureCode: OK, kind: "jinzai_ikusei", scope: "prefecture", date: "2016-08-01", attendance: { nurse: 10, psw: 5 } });
  F.T2 = addTraining({ prefectureCode: OK, officeId: "33-bizen", kind: "jinzai_ikusei", scope: "region", regionId: "33-bizen", date: "2016-10-01", attendance: { phn: 4 } });
  F.T3 = addTraining({ prefectureCode: OK, officeId: "33-tobi", kind: "jinzai_ikusei", scope: "office", date: "2017-03-31" });
  // Recorded by 美作, co-hosted by 備前.
  F.T4 = addTraining({ prefectureCode: OK, officeId: "33-mimasaka", kind: "jinzai_ikusei", scope: "office", date: "2016-05-10", cohosts: ["33-bizen"] });
  F.T5 = addTraining({ prefectureCode: OK, kind: "peer_yousei", scope: "prefecture", date: "2016-09-01" });
  F.T6 = addTraining({ prefectureCode: OK, officeId: "33-bizen", kind: "other", scope: "office", date: "2016-12-01" });
  F.T7 = addTraining({ prefectureCode: OK, kind: "jinzai_ikusei", scope: "prefecture", date: "2017-04-01" });

  // Events, FY2016 (E4 in FY2017). Families on an awareness event are not A15's.
  F.E1 = addEvent({ prefectureCode: OK, officeId: "33-bizen", kind: "awareness", subtype: "seminar", date: "2016-10-10", participants: 40, families: 5 });
  F.E2 = addEvent({ prefectureCode: OK, kind: "awareness", subtype: "forum", date: "2017-03-31", participants: 100 });
  F.E3 = addEvent({ prefectureCode: OK, officeId: "33-tobi", kind: "family_support", subtype: "family_class", date: "2016-11-11", participants: 12, families: 8 });
  F.E4 = addEvent({ prefectureCode: OK, officeId: "33-bizen", kind: "awareness", subtype: "lecture", date: "2017-04-01", participants: 30 });

  // 圏域の協議の場 around the end of FY2015 (2016-03-31).
  F.KB1 = addKyogiBody({ prefectureCode: OK, level: "region", regionId: "33-maniwa", officeId: "33-maniwa", establishedOn: "2015-04-01" });
  F.KB2 = addKyogiBody({ prefectureCode: OK, level: "region", regionId: "33-bizen", officeId: "33-tobi", establishedOn: "2015-06-01" });
  // Ended on the last day of FY2015: not standing at its end.
  F.KB3 = addKyogiBody({ prefectureCode: OK, level: "region", regionId: "33-takahashi-niimi", officeId: "33-bihoku", establishedOn: "2014-01-01", endedOn: "2016-03-31" });
  // Established on the first day of FY2016.
  F.KB4 = addKyogiBody({ prefectureCode: OK, level: "region", regionId: "33-takahashi-niimi", officeId: "33-niimi", establishedOn: "2016-04-01" });

  // The contracted services' months, FY2016.
  addPhoneMonth({ prefectureCode: OK, month: "2016-04", callsTotal: 100, bandDay: 60, bandNight: 30, bandLateNight: 10 });
  addPhoneMonth({ prefectureCode: OK, month: "2017-03", callsTotal: 50, bandDay: 40, bandNight: 5, bandLateNight: 5 });
  addPhoneMonth({ prefectureCode: OK, month: "2017-04", callsTotal: 999, bandDay: 999, bandNight: 0, bandLateNight: 0 });
  addHostelMonth({ prefectureCode: OK, month: "2016-04", rooms: 2, uniqueUsers: 1, stays: 2, nightsRest: 3, nightsRefuge: 2, nightsTrialStay: 1 });
}

function buildCasesOkayama() {
  F.K1 = addCase({ officeId: "33-bizen", indexAdmissionDate: "2015-03-01", referralDate: "2015-09-01", supportStartDate: "2015-10-01" }).id;
  F.K2 = addCase({ officeId: "33-bizen", indexAdmissionDate: "2015-05-02", referralDate: "2016-04-20", supportStartDate: "2016-05-01", dischargeDate: "2017-03-31", dischargeDestination: "home_alone" }).id;
  F.K3 = addCase({ officeId: "33-bizen", indexAdmissionDate: "2016-02-01", referralDate: "2016-05-20", supportStartDate: "2016-06-01", dischargeDate: "2017-04-01", dischargeDestination: "group_home" }).id;
  // A stay of 364 days and one of 365 days (東備支所).
  F.K4 = addCase({ officeId: "33-tobi", indexAdmissionDate: "2016-01-01", referralDate: "2016-04-01", supportStartDate: "2016-04-10", dischargeDate: addDays("2016-01-01", 364), dischargeDestination: "home_family" }).id;
  F.K5 = addCase({ officeId: "33-tobi", indexAdmissionDate: "2015-09-01", referralDate: "2016-04-01", supportStartDate: "2016-04-05", dischargeDate: addDays("2015-09-01", 365), dischargeDestination: "group_home" }).id;
  // Discharged before FY2016, still supported in it.
  F.K6 = addCase({ officeId: "33-bizen", indexAdmissionDate: "2014-01-01", referralDate: "2015-05-20", supportStartDate: "2015-06-01", dischargeDate: "2016-02-01", dischargeDestination: "rental_apartment", endDate: "2016-06-30", endReason: "settled" }).id;
  // Ended on the last day of FY2015 / on the first day of FY2016.
  F.K7 = addCase({ officeId: "33-bizen", indexAdmissionDate: "2014-06-01", supportStartDate: "2015-04-10", endDate: "2016-03-31", endReason: "withdrew" }).id;
  const k8 = addCase({ officeId: "33-bizen", indexAdmissionDate: "2014-06-01", supportStartDate: "2015-05-01", endDate: "2016-04-01", endReason: "withdrew" });
  F.K8 = k8.id;
  // The same person again, a new episode in FY2016.
  F.K9 = addCase({ officeId: "33-bizen", personId: k8.personId, indexAdmissionDate: "2016-09-01", referralDate: "2016-09-20", supportStartDate: "2016-10-01" }).id;
  F.K10 = addCase({ officeId: "33-okayama-city", indexAdmissionDate: "2016-01-15", supportStartDate: "2016-07-01" }).id;
}

function buildCasesUbe() {
  const ube = (dischargeDate: string, more: Partial<Parameters<typeof addCase>[0]> = {}) =>
    addCase({ officeId: "35-ube", indexAdmissionDate: "2015-01-01", supportStartDate: "2016-04-01", dischargeDate, dischargeDestination: "home_alone", ...more }).id;
  F.U1 = ube("2016-06-01");
  addStay(F.U1, "2015-01-01", "2016-06-01", true); // the index stay is no readmission
  F.U2 = ube("2016-07-01");
  addStay(F.U2, "2016-08-01", "2016-08-31"); // 30 days: not over a month
  F.U3 = ube("2016-09-01");
  addStay(F.U3, "2016-10-01", "2016-11-01"); // 31 days, beginning 30 days after discharge
  F.U4 = ube("2016-10-01");
  addStay(F.U4, addDays("2016-10-01", 100), null); // still in hospital
  F.U5 = ube("2016-11-01", { dischargeDestination: "death", endDate: "2016-11-01", endReason: "death" });
  F.U6 = ube("2016-12-01", { endDate: "2017-05-01", endReason: "death" });
  addStay(F.U6, "2017-01-01", "2017-03-01");
  F.U7 = ube("2017-01-10");
  addStay(F.U7, "2017-02-01", "2017-02-10");
  addStay(F.U7, "2017-02-05", "2017-02-20");
  F.U8 = ube("2017-04-01");
}

function buildCasesYamaguchi() {
  F.Y1 = addCase({ officeId: "35-yamaguchi", indexAdmissionDate: "2015-06-01", supportStartDate: "2016-04-01" }).id;
  F.Y2 = addCase({ officeId: "35-hofu", indexAdmissionDate: "2015-06-01", supportStartDate: "2016-04-01" }).id;
  F.Y3 = addCase({ officeId: "35-yamaguchi", indexAdmissionDate: "2015-06-01", supportStartDate: "2015-11-01" }).id;

  addTrialStay(F.Y1, "2016-06-01", "2016-06-03");
  addTrialStay(F.Y1, "2017-03-31", "2017-04-02");
  addTrialStay(F.Y2, "2017-04-01", "2017-04-05");

  addCarePlan({ caseId: F.Y1, status: "proposed", createdDate: "2016-05-01" });
  addCarePlan({ caseId: F.Y2, status: "consent_refused", createdDate: "2016-06-01" });
  addCarePlan({ caseId: F.Y3, status: "active", createdDate: "2016-07-01", consentDate: "2016-07-05" });
  addCarePlan({ caseId: F.Y1, status: "ended", createdDate: "2016-04-10", consentDate: "2016-04-12", periodEndDate: "2016-10-10", endedOn: "2016-09-30" });
  addCarePlan({ caseId: F.Y2, status: "ended", createdDate: "2016-05-10", consentDate: "2016-05-11", periodEndDate: "2016-11-10", endedOn: "2016-12-01" });
  addCarePlan({ caseId: F.Y3, status: "ended", createdDate: "2015-12-01", consentDate: "2015-12-02", periodEndDate: "2016-06-01", endedOn: "2016-05-20" });
  addCarePlan({ caseId: F.Y3, status: "ended", createdDate: "2016-08-01", consentDate: "2016-08-02", periodEndDate: "2017-03-01", endedOn: "2017-04-05" });
  addCarePlan({ caseId: F.Y1, planType: "chiiki_iko", status: "active", createdDate: "2016-05-01", consentDate: "2016-05-01" });

  addDispatch({ officeId: "35-yamaguchi", date: "2016-09-01", status: "done", purpose: "individual_accompany", caseId: F.Y1 });
  addDispatch({ officeId: "35-yamaguchi", date: "2016-10-01", status: "cancelled", purpose: "individual_accompany", caseId: F.Y2 });
  addDispatch({ officeId: "35-yamaguchi", date: "2017-04-02", status: "done", purpose: "individual_accompany", caseId: F.Y3 });
  addDispatch({ officeId: "35-hofu", date: "2016-11-01", status: "done", purpose: "individual_accompany", caseId: F.Y1 });

  addFollowUp(F.Y1, 1, "2016-05-01", "2016-05-31"); // due + 30: on time
  addFollowUp(F.Y1, 3, "2016-07-01", "2016-08-01"); // due + 31: late
  addFollowUp(F.Y1, 6, "2016-10-01", null); // never recorded
  addFollowUp(F.Y2, 1, "2017-03-31", "2017-04-10"); // due on the last day of FY2016
  addFollowUp(F.Y2, 3, "2017-04-01", "2017-04-02"); // due in FY2017
  addFollowUp(F.Y3, 1, "2017-03-01", "2017-03-05");
}

function buildPeers() {
  F.R1 = addPeer({ officeId: "33-bizen", registeredOn: "2015-06-01", fiscalYears: [2015, 2016] });
  addPeerTraining(F.R1, "peer_yousei", "2015-11-01");
  F.R2 = addPeer({ officeId: "33-bizen", registeredOn: "2016-05-01", fiscalYears: [2016] });
  addPeerTraining(F.R2, "peer_yousei", "2016-04-20");
  // Withdrawn on the last day of FY2016: not registered at its end.
  F.R3 = addPeer({ officeId: "33-tobi", registeredOn: "2016-07-01", fiscalYears: [2016], status: "withdrawn", statusChangedOn: "2017-03-31" });
  // Withdrawn the day after: registered at its end.
  F.R4 = addPeer({ officeId: "33-tobi", registeredOn: "2016-08-01", fiscalYears: [2016], status: "withdrawn", statusChangedOn: "2017-04-01" });
  addPeerTraining(F.R4, "peer_followup", "2016-09-01");
  F.R5 = addPeer({ officeId: "33-bizen", registeredOn: "2015-04-10", fiscalYears: [2015], status: "expired", statusChangedOn: "2016-04-01" });

  const h0 = hospitalOf(OK, 0);
  const h1 = hospitalOf(OK, 1);
  F.D1 = addDispatch({ officeId: "33-bizen", date: "2016-06-01", status: "done", purpose: "inhospital_salon", hospitalId: h0, audience: 12, members: [{ peerId: F.R1, hours: 2 }, { peerId: F.R2, hours: 1.5 }] });
  F.D2 = addDispatch({ officeId: "33-tobi", date: "2017-03-31", status: "done", purpose: "testimony", hospitalId: h1, audience: 30, members: [{ peerId: F.R4, hours: 3 }] });
  F.D3 = addDispatch({ officeId: "33-bizen", date: "2016-07-01", status: "cancelled", purpose: "inhospital_salon", hospitalId: h0, members: [{ peerId: F.R1, hours: 2 }] });
  F.D4 = addDispatch({ officeId: "33-bizen", date: "2017-04-01", status: "done", purpose: "inhospital_salon", hospitalId: h0, members: [{ peerId: F.R1, hours: 2 }] });
  F.D5 = addDispatch({ officeId: "33-bizen", date: "2016-10-01", status: "done", purpose: "awareness_event", venue: "市民会館", audience: 50, members: [{ peerId: F.R1, hours: 2 }] });
  F.D6 = addDispatch({ officeId: "33-bizen", date: "2016-11-01", status: "done", purpose: "inhospital_salon", hospitalId: h0, members: [{ peerId: F.R2, hours: 1 }] });
}

function buildOutreach() {
  const o1 = addOutreachCase({ officeId: "33-bizen", status: "active", targets: ["untreated"], referralDate: "2015-10-01", startDate: "2015-11-01" });
  F.O1 = o1.id;
  const o2 = addOutreachCase({ officeId: "33-bizen", status: "closed", targets: ["untreated", "hikikomori"], referralDate: "2016-04-10", startDate: "2016-05-01", endDate: "2016-12-01" });
  F.O2 = o2.id;
  addOutcome(F.O2, "linked_to_care", "2016-09-01");
  addOutcome(F.O2, "service_started", "2016-11-01");
  F.O3 = addOutreachCase({ officeId: "33-tobi", status: "closed", targets: ["treatment_interrupted"], referralDate: "2016-05-20", startDate: "2016-06-01", endDate: "2017-03-31" }).id;
  addOutcome(F.O3, "linked_to_care", "2016-07-01");
  // Not a target of A12/A13.
  F.O4 = addOutreachCase({ officeId: "33-tobi", status: "closed", targets: ["hikikomori"], referralDate: "2016-06-20", startDate: "2016-07-01", endDate: "2017-02-01" }).id;
  addOutcome(F.O4, "linked_to_care", "2016-12-01");
  // Closed on the last day of FY2015.
  F.O5 = addOutreachCase({ officeId: "33-bizen", status: "closed", targets: ["untreated"], referralDate: "2015-04-20", startDate: "2015-05-01", endDate: "2016-03-31" }).id;
  addOutcome(F.O5, "linked_to_care", "2016-01-01");
  // The person of O2 again.
  F.O6 = addOutreachCase({ officeId: "33-bizen", personId: o2.personId, status: "active", targets: ["treatment_interrupted"], referralDate: "2017-01-10", startDate: "2017-02-01" }).id;
  // Referred, never started: not supported.
  F.O7 = addOutreachCase({ officeId: "33-bizen", status: "referred", targets: ["untreated"], referralDate: "2016-10-01" }).id;
  // Closed on the first day of FY2017.
  F.O8 = addOutreachCase({ officeId: "33-tobi", status: "closed", targets: ["untreated"], referralDate: "2016-03-20", startDate: "2016-04-01", endDate: "2017-04-01" }).id;
  addOutcome(F.O8, "linked_to_care", "2017-01-01");
  F.O9 = addOutreachCase({ officeId: "33-bizen", status: "closed", targets: ["untreated"], referralDate: "2016-04-10", startDate: "2016-04-20", endDate: "2016-10-01" }).id;

  F.CT1 = addContact(F.O1, "2016-04-01", "home_visit", true);
  F.CT2 = addContact(F.O1, "2017-03-31", "home_visit", false);
  F.CT3 = addContact(F.O1, "2016-06-01", "accompany_clinic", true);
  F.CT4 = addContact(F.O1, "2016-06-02", "phone_mail");
  F.CT5 = addContact(F.O1, "2016-07-01", "case_conference");
  F.CT6 = addContact(F.O1, "2016-03-31", "home_visit", true);
  F.CT7 = addContact(F.O1, "2017-04-01", "home_visit", true);
  F.CT8 = addContact(F.O3, "2016-08-01", "home_visit", true);
  F.CT9 = addContact(F.O3, "2016-09-01", "case_conference");
  F.CT10 = addContact(F.O3, "2016-09-02", "family_interview");
}

function buildInputs() {
  // 630調査 of 岡山県: one for FY2016's sheet, one for FY2017's (later than FY2016's cut-off).
  const inpatients = (asOf: string, total: number) =>
    addStatistic({
      prefectureCode: OK,
      topic: "inpatients_630",
      asOf,
      method: "survey_630",
      sourceLabel: "630調査",
      values: { inpatients_total: total, inpatients_lt3m: 200, inpatients_3to12m: 250, inpatients_ge1y: total - 450, inpatients_ge1y_u65: 150, inpatients_ge1y_65plus: total - 600 },
    });
  F.S630a = inpatients("2016-06-30", 1000);
  F.S630b = inpatients("2017-06-30", 1100);
  // A population dated on the cut-off day itself (1 April after FY2016) is FY2016's.
  F.Spop = addStatistic({ prefectureCode: OK, topic: "population", asOf: "2017-04-01", method: "population_estimate", sourceLabel: "試験 推計人口", values: { population: 1_900_000 } });
  addYearFacts({ prefectureCode: OK, fiscalYear: 2016, jiritsuMhSubcommittee: false, hostelUniqueUsers: 3 });
  addYearFacts({ prefectureCode: OK, fiscalYear: 2017, jiritsuMhSubcommittee: true, hostelUniqueUsers: null });
}

// ---------------------------------------------------------------------------------------
// The tests

describe("the test years are empty in the demo data", () => {
  test("no demo row is dated in FY2015–FY2017", () => {
    assert.ok(Object.keys(demoRowsInWindow).length > 10);
    for (const [table, n] of Object.entries(demoRowsInWindow)) assert.equal(n, 0, `${table}: ${n} demo rows in FY2015–FY2017`);
  });

  test("the demo's older 協議の場 of 岡山県 standing at the end of FY2015 are the four these figures count", () => {
    assert.deepEqual(demoBodiesFy2015, [
      { id: "kb-33-bizen", level: "region" },
      { id: "kb-33-ikasa", level: "region" },
      { id: "kb-33-mimasaka", level: "region" },
      { id: "kb-33-pref", level: "prefecture" },
    ]);
  });
});

describe("organisation tree (B.regions, B.municipalities, B.health_centers)", () => {
  test("岡山県 5 / 27 / 11 and 山口県 8 / 19 / 9 (支所 counted)", () => {
    assert.deepEqual(["B.regions", "B.municipalities", "B.health_centers"].map((c) => value(c, OK, PREF, 2016)), [5, 27, 11]);
    assert.deepEqual(["B.regions", "B.municipalities", "B.health_centers"].map((c) => value(c, YG, PREF, 2016)), [8, 19, 9]);
  });

  test("a region counts its own: 備前圏域 has 7 municipalities and 3 offices (備前, 東備支所, 岡山市)", () => {
    assert.equal(value("B.municipalities", OK, region("33-bizen"), 2016), 7);
    const offices = ok("B.health_centers", region("33-bizen"), 2016);
    assert.equal(offices.value, 3);
    same(recordIds(offices, "office"), ["33-bizen", "33-tobi", "33-okayama-city"]);
    assert.equal(recordIds(ok("B.regions", PREF, 2016), "region").length, 5);
  });
});

describe("meetings (S1, A1–A5, B.jiritsu_council)", () => {
  test("S1: a meeting on 31 March counts in the year ending then, one on 1 April in the next", () => {
    assert.equal(value("S1", OK, PREF, 2015), 0);
    const fy2016 = ok("S1", PREF, 2016);
    assert.equal(fy2016.value, 1);
    assert.deepEqual(recordIds(fy2016), [F.M1]);
    const fy2017 = ok("S1", PREF, 2017);
    assert.equal(fy2017.value, 1);
    assert.deepEqual(recordIds(fy2017), [F.M2]);
    // The prefecture's own meeting is not an office's.
    assert.equal(value("S1", OK, BIZEN, 2016), 0);
  });

  test("A5: case reviews and the cases reviewed, on both sides of 1 April", () => {
    const a5 = ok("A5", PREF, 2016);
    assert.equal(a5.value, 3);
    same(recordIds(a5), [F.M3, F.M4, F.M12]);
    assert.equal(value("A5.cases", OK, PREF, 2016), 9);
    assert.equal(value("A5", OK, PREF, 2017), 1);
    assert.equal(value("A5.cases", OK, PREF, 2017), 1);
    assert.equal(value("A5", OK, PREF, 2015), 0);
  });

  test("A1: 協議の場 sessions by the body's level, plus the meetings the municipal status table records", () => {
    const a1 = ok("A1", PREF, 2016);
    assert.equal(a1.value, 8);
    assert.deepEqual(breakdown(a1), { prefecture: 1, region: 1, municipality: 6 });
    same(recordIds(a1, "meeting"), [F.M1, F.M7]);
    same(recordIds(a1, "municipal_status"), ["331007", "332046", "332119"]);
    // 1 April is the next year's session.
    assert.deepEqual(breakdown(ok("A1", PREF, 2017)), { prefecture: 1, region: 0, municipality: 0 });
    // 備前 with 東備支所: its region session and the meetings of 玉野市 (2) and 備前市 (1).
    const bizen = ok("A1", BIZEN, 2016);
    assert.equal(bizen.value, 4);
    assert.deepEqual(breakdown(bizen), { prefecture: 0, region: 1, municipality: 3 });
  });

  test("A2 counts attendance at 協議の場 sessions only; A3 the sessions that reviewed targets", () => {
    const a2 = ok("A2", PREF, 2016);
    assert.equal(a2.value, 9);
    assert.equal(breakdown(a2).health, 3);
    assert.equal(breakdown(a2).medical_psych, 2);
    assert.equal(breakdown(a2).welfare, 4);
    const a3 = ok("A3", PREF, 2016);
    assert.equal(a3.value, 2, "the region liaison meeting that reviewed targets is not a 協議の場 session");
    same(recordIds(a3), [F.M1, F.M7]);
    assert.equal(value("A3", OK, BIZEN, 2016), 1);
  });

  test("A4: regional liaison meetings, per region", () => {
    const a4 = ok("A4", PREF, 2016);
    assert.equal(a4.value, 1);
    assert.equal(breakdown(a4)["33-bizen"], 1);
    assert.equal((a4.breakdown ?? []).length, 5);
    assert.equal((a4.breakdown ?? []).reduce((s, b) => s + (b.value ?? 0), 0), 1);
    assert.deepEqual(recordIds(a4), [F.M6]);
  });

  test("B.jiritsu_council: the prefecture's council meetings of the year", () => {
    const c = ok("B.jiritsu_council", PREF, 2016);
    assert.equal(c.value, 1);
    assert.deepEqual(recordIds(c), [F.M10]);
    assert.equal(value("B.jiritsu_council", OK, PREF, 2017), 0);
  });
});

describe("支所 roll-up: an office counts its branch, a branch does not count its office, a region counts both", () => {
  test("meetings (A5)", () => {
    assert.equal(value("A5", OK, BIZEN, 2016), 2);
    same(recordIds(ok("A5", BIZEN, 2016)), [F.M3, F.M4]);
    assert.equal(value("A5.cases", OK, BIZEN, 2016), 5);
    assert.equal(value("A5", OK, TOBI, 2016), 1);
    assert.deepEqual(recordIds(ok("A5", TOBI, 2016)), [F.M4]);
    assert.equal(value("A5", OK, office("33-okayama-city"), 2016), 1);
    assert.equal(value("A5", OK, region("33-bizen"), 2016), 3);
    assert.equal(value("A5", OK, region("33-maniwa"), 2016), 0);
  });

  test("cases (C1)", () => {
    assert.equal(value("C1", OK, BIZEN, 2016), 7);
    assert.equal(value("C1", OK, TOBI, 2016), 2);
    same(recordIds(ok("C1", TOBI, 2016)), [F.K4, F.K5]);
    assert.equal(value("C1", OK, region("33-bizen"), 2016), 8);
    assert.equal(value("C1", OK, PREF, 2016), 8);
  });

  test("peers (A8), dispatches (A9) and outreach (A10)", () => {
    assert.deepEqual([value("A8", OK, BIZEN, 2016), value("A8", OK, TOBI, 2016), value("A8", OK, region("33-bizen"), 2016)], [3, 1, 3]);
    assert.deepEqual([value("A9", OK, BIZEN, 2016), value("A9", OK, TOBI, 2016), value("A9", OK, region("33-bizen"), 2016)], [4, 1, 4]);
    assert.deepEqual([value("A10", OK, BIZEN, 2016), value("A10", OK, TOBI, 2016), value("A10", OK, region("33-bizen"), 2016)], [6, 3, 6]);
  });
});

describe("trainings (S3, A6) and events (A14, A15)", () => {
  test("S3 counts 人材育成研修 only, by scope; A6 counts every kind", () => {
    const s3 = ok("S3", PREF, 2016);
    assert.equal(s3.value, 4);
    assert.deepEqual(breakdown(s3), { prefecture: 1, region: 1, office: 2 });
    same(recordIds(s3), [F.T1, F.T2, F.T3, F.T4]);
    const a6 = ok("A6", PREF, 2016);
    assert.equal(a6.value, 6);
    assert.equal(breakdown(a6).jinzai_ikusei, 4);
    assert.equal(breakdown(a6).peer_yousei, 1);
    assert.equal(breakdown(a6).other, 1);
    same(recordIds(a6), [F.T1, F.T2, F.T3, F.T4, F.T5, F.T6]);
    const participants = ok("A6.participants", PREF, 2016);
    assert.equal(participants.value, 19);
    assert.deepEqual([breakdown(participants).nurse, breakdown(participants).psw, breakdown(participants).phn], [10, 5, 4]);
    // 1 April: the next year.
    assert.equal(value("S3", OK, PREF, 2017), 1);
    assert.equal(value("S3", OK, PREF, 2015), 0);
  });

  test("by scope: an office counts its branch's and what it co-hosted, not the prefecture's own", () => {
    const s3 = ok("S3", BIZEN, 2016);
    assert.equal(s3.value, 3);
    same(recordIds(s3), [F.T2, F.T3, F.T4]);
    assert.equal(value("A6", OK, BIZEN, 2016), 4);
    assert.equal(value("S3", OK, TOBI, 2016), 1);
    assert.equal(value("S3", OK, office("33-mimasaka"), 2016), 1);
    assert.equal(value("S3", OK, region("33-bizen"), 2016), 3);
  });

  test("A14 / A15: events and participants; families count for 家族支援 only", () => {
    assert.equal(value("A14", OK, PREF, 2016), 2);
    assert.equal(value("A14.participants", OK, PREF, 2016), 140);
    same(recordIds(ok("A14", PREF, 2016)), [F.E1, F.E2]);
    assert.equal(value("A15", OK, PREF, 2016), 1);
    assert.equal(value("A15.families", OK, PREF, 2016), 8);
    assert.deepEqual(recordIds(ok("A15", PREF, 2016)), [F.E3]);
    assert.equal(value("A14", OK, BIZEN, 2016), 1);
    assert.equal(value("A14.participants", OK, BIZEN, 2016), 40);
    assert.equal(value("A15.families", OK, BIZEN, 2016), 8);
    assert.equal(value("A14", OK, PREF, 2017), 1);
  });
});

describe("協議の場 coverage (S4, S5, B.kyogi.*)", () => {
  test("S4: municipalities whose status for the year records a council, of all municipalities", () => {
    const s4 = ok("S4", PREF, 2016);
    assert.deepEqual([s4.value, s4.numerator, s4.denominator], [8, 8, 27]);
    assert.equal(recordIds(s4, "municipal_status").length, 8);
    assert.ok(!recordIds(s4).includes("332135"), "a municipality recorded without a council is not listed");
    const bizen = ok("S4", region("33-bizen"), 2016);
    assert.deepEqual([bizen.value, bizen.denominator], [3, 7]);
    assert.deepEqual(ok("B.kyogi.municipality", PREF, 2016).value, 8);
  });

  test("S4 is not computable for a year whose status nobody entered", () => {
    const s4 = ok("S4", PREF, 2015);
    assert.equal(s4.value, null);
    assert.ok(s4.notComputable?.reason.ja);
  });

  test("S5 at the end of FY2015: 4 of 5 regions, 5 bodies, so 「4か所以上」", () => {
    const s5 = ok("S5", PREF, 2015);
    assert.deepEqual([s5.value, s5.numerator, s5.denominator], [4, 4, 5]);
    assert.equal(s5.text?.ja, "4か所以上");
    // Ended on 31 March (KB3) or established on 1 April (KB4): not standing at the year's end.
    same(recordIds(s5, "kyogi_body"), ["kb-33-bizen", "kb-33-ikasa", "kb-33-mimasaka", F.KB1, F.KB2]);
    assert.equal(value("B.kyogi.prefecture", OK, PREF, 2015), 1);
    assert.deepEqual(ok("B.kyogi.region", PREF, 2015).text, s5.text);
  });

  test("a body ended on the year's last day no longer counts; one established the next day counts from then", () => {
    assert.equal(value("S5", OK, region("33-takahashi-niimi"), 2014), 1);
    assert.equal(value("S5", OK, region("33-takahashi-niimi"), 2015), 0);
    const fy2016 = ok("S5", region("33-takahashi-niimi"), 2016);
    assert.deepEqual([fy2016.value, fy2016.denominator], [1, 1]);
    assert.equal(fy2016.text?.ja, "1か所以上", "KB4 and the demo's 高梁・新見 body stand together");
    const maniwa = ok("S5", region("33-maniwa"), 2015);
    assert.deepEqual([maniwa.value, maniwa.denominator, maniwa.text], [1, 1, undefined]);
  });

  test("S5 at the end of FY2017: every region, more bodies than regions: 「5か所以上」", () => {
    const s5 = ok("S5", PREF, 2017);
    assert.deepEqual([s5.value, s5.denominator], [5, 5]);
    assert.equal(s5.text?.ja, "5か所以上");
    assert.equal(s5.text?.en, "5 or more");
  });
});

describe("monthly reports (A16, A17)", () => {
  test("phone calls over the months reported, April to March, and the night share", () => {
    const a16 = ok("A16", PREF, 2016);
    assert.deepEqual([a16.value, a16.n], [150, 2]);
    assert.deepEqual(recordIds(a16), ["2016-04", "2017-03"]);
    const night = ok("A16.night", PREF, 2016);
    assert.deepEqual([night.value, night.numerator, night.denominator], [33.3, 50, 150]);
  });

  test("hostel nights by purpose and occupancy over the months reported", () => {
    const nights = ok("A17.nights", PREF, 2016);
    assert.equal(nights.value, 6);
    assert.deepEqual(breakdown(nights), { rest: 3, refuge: 2, trial_stay: 1 });
    assert.equal(value("A17.occupancy", OK, PREF, 2016), 10);
  });

  test("a year without reports is not computable", () => {
    for (const code of ["A16", "A16.night", "A17.nights", "A17.occupancy"]) {
      const c = ok(code, PREF, 2015);
      assert.equal(c.value, null, code);
      assert.ok(c.notComputable?.reason.ja, code);
    }
  });
});

describe("external statistics and yearly facts", () => {
  test("the demo enters nothing a sheet of FY2015–FY2017 could use but discharge-rate cohorts, and no yearly facts", () => {
    assert.ok(demoStatisticsInWindow.every((r) => r.topic === "discharge_rates"), JSON.stringify(demoStatisticsInWindow));
    assert.equal(demoFactsInWindow, 0);
  });

  test("nothing entered for the year: every dated figure and every fact says so instead of showing 0", () => {
    const codes = INDICATORS.filter((d) => d.kind === "external" && !d.code.startsWith("B.discharge") && !d.code.startsWith("S7")).map((d) => d.code);
    assert.ok(codes.length >= 15);
    for (const code of [...codes, "B.jiritsu_mh_subcommittee", "A17"]) {
      const c = ok(code, PREF, 2015);
      assert.equal(c.value, null, code);
      assert.ok(c.notComputable?.reason.ja, code);
    }
  });

  test("the 630 survey in force: the latest set dated by 1 April after the year; shares computed from it", () => {
    const total = ok("B.inpatients", PREF, 2016);
    assert.equal(total.value, 1000);
    assert.deepEqual(total.source, { label: "630調査", asOf: "2016-06-30", cohortYear: null, method: "survey_630", statisticId: F.S630a });
    assert.deepEqual(recordIds(total, "statistic"), [F.S630a]);
    const lt3m = ok("B.inpatients.lt3m", PREF, 2016);
    assert.deepEqual([lt3m.value, lt3m.numerator, lt3m.denominator], [200, 200, 1000]);
    const s6 = ok("S6", PREF, 2016);
    assert.equal(s6.value, 550);
    assert.deepEqual(breakdown(s6), { "65plus": 400, u65: 150 });
    assert.equal(value("S6.65plus", OK, PREF, 2016), 400);
    assert.equal(value("B.inpatients", OK, PREF, 2017), 1100);
    assert.equal(ok("B.inpatients", PREF, 2017).source?.asOf, "2017-06-30");
  });

  test("a set dated on the cut-off day (1 April after the year) is that year's", () => {
    assert.equal(value("B.population", OK, PREF, 2016), 1_900_000);
    assert.equal(value("B.population", OK, PREF, 2015), null);
  });

  test("discharge rates: the latest cohort not after the year, with its method", () => {
    for (const fy of [2015, 2016, 2017]) {
      const rate = ok("B.discharge.12m", PREF, fy);
      assert.equal(rate.source?.cohortYear, fy);
      assert.equal(rate.source?.method, "ndb_fy_cohort");
      assert.equal(ok("S7.12m", PREF, fy).value, rate.value);
    }
  });

  test("the year's facts: 精神部会 有／無 and the hostel's unique users, or not computable when not recorded", () => {
    const sub = ok("B.jiritsu_mh_subcommittee", PREF, 2016);
    assert.deepEqual([sub.value, sub.text?.ja], [0, "無"]);
    assert.deepEqual([ok("B.jiritsu_mh_subcommittee", PREF, 2017).value, ok("B.jiritsu_mh_subcommittee", PREF, 2017).text?.ja], [1, "有"]);
    assert.equal(value("A17", OK, PREF, 2016), 3);
    assert.equal(value("A17", OK, PREF, 2017), null);
  });
});

describe("case outcomes (C1–C6, C9)", () => {
  test("C1: people supported, new and continuing; a case spanning fiscal years is continuing in the second", () => {
    const c1 = ok("C1", BIZEN, 2016);
    assert.equal(c1.value, 7, "K7 ended on 31 March 2016 is not supported in FY2016; K8 ended on 1 April is");
    assert.deepEqual(breakdown(c1), { new: 4, continuing: 3 });
    // One record per case: the person with two cases (K8, K9) is listed twice.
    same(recordIds(c1), [F.K1, F.K2, F.K3, F.K4, F.K5, F.K6, F.K8, F.K9]);
    const fy2015 = ok("C1", BIZEN, 2015);
    assert.equal(fy2015.value, 4);
    assert.deepEqual(breakdown(fy2015), { new: 4, continuing: 0 });
  });

  test("C2: discharged on 31 March counts in that year, on 1 April in the next", () => {
    const c2 = ok("C2", BIZEN, 2016);
    assert.equal(c2.value, 3);
    same(recordIds(c2), [F.K2, F.K4, F.K5]);
    const fy2017 = ok("C2", BIZEN, 2017);
    assert.equal(fy2017.value, 1);
    assert.deepEqual(recordIds(fy2017), [F.K3]);
    assert.equal(value("C2", OK, BIZEN, 2015), 1, "K6, discharged in February 2016");
  });

  test("C3: a stay of 365 days is a year or more, 364 days is not", () => {
    const c3 = ok("C3", BIZEN, 2016);
    assert.equal(c3.value, 2);
    same(recordIds(c3), [F.K2, F.K5]);
    assert.equal(value("C3", OK, TOBI, 2016), 1);
  });

  test("C4: the year's discharges over those supported who had not been discharged before the year", () => {
    const c4 = ok("C4", BIZEN, 2016);
    assert.deepEqual([c4.numerator, c4.denominator, c4.value], [3, 6, 50]);
    assert.ok(!recordIds(c4).includes(F.K6), "K6 was discharged before FY2016");
    assert.equal(recordIds(c4).length, 7);
  });

  test("C6: the year's discharges by destination", () => {
    const c6 = ok("C6", BIZEN, 2016);
    assert.equal(c6.value, 3);
    assert.deepEqual(breakdown(c6), { home_alone: 1, home_family: 1, group_home: 1 });
  });

  test("C9: median days from support start to discharge (odd, even, none)", () => {
    const odd = ok("C9", BIZEN, 2016); // 334, 264, 148 days
    assert.deepEqual([odd.value, odd.n], [264, 3]);
    const even = ok("C9", TOBI, 2016); // 264, 148 days
    assert.deepEqual([even.value, even.n], [206, 2]);
    const none = ok("C9", TOBI, 2015);
    assert.equal(none.value, null);
    assert.ok(none.notComputable?.reason.ja);
  });
});

describe("C5: discharged within N months of the support start, right-censored", () => {
  test("the 12-month figure of FY2016 is not computable before 2018-03-31, and says from when", () => {
    const early = ok("C5.12m", BIZEN, 2016, "2018-03-30");
    assert.equal(early.value, null);
    assert.equal(early.notComputable?.availableFrom, "2018-03-31");
    assert.match(early.notComputable?.reason.ja ?? "", /2018-03-31/);
    assert.equal(early.records, undefined);
  });

  test("computable on that day: 4 of the 5 cases started in FY2016", () => {
    const c5 = ok("C5.12m", BIZEN, 2016, "2018-03-31");
    assert.deepEqual([c5.numerator, c5.denominator, c5.value, c5.n], [4, 5, 80, 5]);
    same(recordIds(c5), [F.K2, F.K3, F.K4, F.K5, F.K9]);
  });

  test("3 and 6 months mature earlier", () => {
    assert.equal(ok("C5.3m", BIZEN, 2016, "2017-06-29").notComputable?.availableFrom, "2017-06-30");
    assert.equal(value("C5.3m", OK, BIZEN, 2016, "2017-06-30"), 0);
    assert.equal(ok("C5.6m", BIZEN, 2016, "2017-09-29").notComputable?.availableFrom, "2017-09-30");
    assert.equal(value("C5.6m", OK, BIZEN, 2016, "2017-09-30"), 20);
  });
});

describe("C7, C8: the year after discharge, with readmissions (宇部)", () => {
  const UBE = office("35-ube");

  test("C7 is not computable until 365 days after the year's end", () => {
    const early = yg("C7", UBE, 2016, "2018-03-30");
    assert.equal(early.value, null);
    assert.equal(early.notComputable?.availableFrom, "2018-03-31");
  });

  test("C7: mean community days; 死亡退院 and deaths within the year left out, overlapping stays once", () => {
    const c7 = yg("C7", UBE, 2016, "2018-03-31");
    // U1 365, U2 334, U3 333, U4 99 (still in hospital from day 100), U7 345 (overlap counted once).
    assert.equal(c7.value, 295.2);
    assert.equal(c7.n, 5);
    assert.deepEqual(breakdown(c7), { deaths: 1 });
    same(recordIds(c7), [F.U1, F.U2, F.U3, F.U4, F.U7]);
  });

  test("C8: readmitted within 90 / 180 / 365 days for more than 30 days", () => {
    const c90 = yg("C8.90", UBE, 2016, "2018-03-31");
    // Denominator: discharged alive in FY2016 (U5 died in hospital). Hits: U3 (31 days), U6 (59 days).
    assert.deepEqual([c90.numerator, c90.denominator, c90.value], [2, 6, 33.3]);
    const c180 = yg("C8.180", UBE, 2016, "2018-03-31");
    // U4's readmission begins on day 100 and is still going on. U6 died on day 151: followed up
    // for 90 days but not for 180 or 365, so it leaves those denominators (as deaths leave C7).
    assert.deepEqual([c180.numerator, c180.denominator, c180.value], [2, 5, 40]);
    assert.equal(value("C8.365", YG, UBE, 2016, "2018-03-31"), 40);
  });

  test("C8.90 matures 90 days after the year's end", () => {
    assert.equal(yg("C8.90", UBE, 2016, "2017-06-28").notComputable?.availableFrom, "2017-06-29");
    assert.equal(value("C8.90", YG, UBE, 2016, "2017-06-29"), 33.3);
    assert.equal(yg("C8.180", UBE, 2016, "2017-06-29").value, null);
  });
});

describe("C10–C13 (山口 with 防府支所)", () => {
  const YAMAGUCHI = office("35-yamaguchi");
  const HOFU = office("35-hofu");

  test("C10: trial stays begun in the year and their nights", () => {
    const c10 = yg("C10", YAMAGUCHI, 2016);
    assert.equal(c10.value, 2, "the stay from 31 March counts in FY2016");
    assert.equal(value("C10.nights", YG, YAMAGUCHI, 2016), 4);
    assert.deepEqual(recordIds(c10), [F.Y1]);
    assert.equal(value("C10", YG, YAMAGUCHI, 2017), 1);
    assert.equal(value("C10.nights", YG, HOFU, 2017), 4);
    assert.equal(value("C10", YG, HOFU, 2016), 0);
  });

  test("C11: GL plans created (proposed) in the year; consent over the answered; ended within their period", () => {
    assert.equal(value("C11", YG, YAMAGUCHI, 2016), 6, "the 地域移行支援計画 is not a GL plan; the plan of FY2015 is not counted");
    const consent = yg("C11.consent", YAMAGUCHI, 2016);
    // Answered: consent_refused, active, three ended (not the proposed one); with consent: four.
    assert.deepEqual([consent.numerator, consent.denominator, consent.value], [4, 5, 80]);
    const ended = yg("C11.ended_in_period", YAMAGUCHI, 2016);
    // Ended in FY2016: within the period (2), after it (1); the one ended in April 2017 is not.
    assert.deepEqual([ended.numerator, ended.denominator, ended.value], [2, 3, 66.7]);
    same(recordIds(ended), [F.Y1, F.Y2, F.Y3]);
  });

  test("C12: supported cases with a dispatch done in the year linked", () => {
    const c12 = yg("C12", YAMAGUCHI, 2016);
    // A cancelled dispatch and one of FY2017 do not count; two done dispatches of Y1 count once.
    assert.deepEqual([c12.numerator, c12.denominator, c12.value], [1, 3, 33.3]);
    assert.deepEqual(recordIds(c12), [F.Y1]);
  });

  test("C13: follow-ups due in the year done within 30 days, judged only 30 days after they fell due", () => {
    const judged = yg("C13", YAMAGUCHI, 2016, "2017-05-01");
    assert.deepEqual([judged.numerator, judged.denominator, judged.value], [3, 5, 60]);
    // On the 29th day after the follow-up due on 31 March, it is not judged yet.
    const before = yg("C13", YAMAGUCHI, 2016, "2017-04-29");
    assert.deepEqual([before.numerator, before.denominator], [2, 4]);
    const onDay30 = yg("C13", YAMAGUCHI, 2016, "2017-04-30");
    assert.deepEqual([onDay30.numerator, onDay30.denominator], [3, 5]);
    const none = yg("C13", YAMAGUCHI, 2016, "2016-05-30");
    assert.equal(none.value, null);
    assert.ok(none.notComputable);
  });
});

describe("peers (S2, A8, A9)", () => {
  test("A8: registered for the year, less those withdrawn by its last day", () => {
    const a8 = ok("A8", BIZEN, 2016);
    assert.equal(a8.value, 3, "withdrawn on 31 March: not counted; withdrawn on 1 April: counted");
    same(recordIds(a8), [F.R1, F.R2, F.R4]);
    assert.equal(value("A8.new", OK, BIZEN, 2016), 2);
    assert.equal(value("A8.trained", OK, BIZEN, 2016), 1);
    assert.deepEqual(recordIds(ok("A8.trained", BIZEN, 2016)), [F.R2]);
    assert.deepEqual([value("A8", OK, BIZEN, 2015), value("A8.new", OK, BIZEN, 2015), value("A8.trained", OK, BIZEN, 2015)], [2, 2, 1]);
  });

  test("A9: dispatches done in the year, peers on them, hours, people reached, hospitals", () => {
    const a9 = ok("A9", BIZEN, 2016);
    assert.equal(a9.value, 4);
    assert.deepEqual(recordIds(a9), [F.D1, F.D5, F.D6, F.D2]);
    assert.deepEqual(breakdown(a9), { inhospital_salon: 2, testimony: 1, awareness_event: 1 });
    assert.deepEqual(
      ["A9.person_dispatches", "A9.hours", "A9.audience", "A9.hospitals"].map((c) => value(c, OK, BIZEN, 2016)),
      [5, 9.5, 92, 2],
    );
    assert.deepEqual(["A9", "A9.hours", "A9.hospitals"].map((c) => value(c, OK, TOBI, 2016)), [1, 3, 1]);
    assert.equal(value("A9", OK, BIZEN, 2017), 1);
  });

  test("S2: offices with peers registered for the year, with the year's dispatches and graduates", () => {
    const whole = ok("S2", BIZEN, 2016);
    assert.deepEqual([whole.value, whole.denominator], [2, 2]);
    assert.equal(whole.text?.ja, "保健所・支所にピアサポーターが登録され派遣できる体制がある");
    assert.deepEqual(breakdown(whole), { registered: 3, dispatches: 4, trained: 1 });
    const part = ok("S2", region("33-bizen"), 2016);
    assert.deepEqual([part.value, part.denominator], [2, 3]);
    assert.equal(part.text?.ja, "3か所中2か所の保健所・支所にピアサポーターが登録されている");
    same(recordIds(part, "office"), ["33-bizen", "33-tobi"]);
    assert.deepEqual([value("S2", OK, PREF, 2016), ok("S2", PREF, 2016).denominator], [2, 11]);
    assert.equal(ok("S2", office("33-maniwa"), 2016).text?.ja, "ピアサポーターの登録はない");
  });
});

describe("outreach (A10–A13)", () => {
  test("A10: people supported, new and continuing, once each", () => {
    const a10 = ok("A10", BIZEN, 2016);
    assert.equal(a10.value, 6, "O2 and O6 are one person; O5 closed on 31 March 2016; O7 never started");
    assert.deepEqual(breakdown(a10), { new: 5, continuing: 1 });
    same(recordIds(a10), [F.O1, F.O2, F.O3, F.O4, F.O6, F.O8, F.O9]);
    assert.deepEqual(breakdown(ok("A10", TOBI, 2016)), { new: 3, continuing: 0 });
    assert.deepEqual([value("A10", OK, BIZEN, 2015), breakdown(ok("A10", BIZEN, 2015)).new], [2, 2]);
  });

  test("A11: visits and accompanied clinic visits in the year; of them, the person met", () => {
    const a11 = ok("A11", BIZEN, 2016);
    assert.equal(a11.value, 4);
    assert.deepEqual(breakdown(a11), { met: 3 });
    same(recordIds(a11), [F.CT1, F.CT2, F.CT3, F.CT8]);
    assert.equal(value("A11", OK, TOBI, 2016), 1);
  });

  test("A11.meetings: case-conference contacts plus outreach case reviews and liaison meetings", () => {
    const m = ok("A11.meetings", BIZEN, 2016);
    assert.equal(m.value, 4, "the outreach evaluation committee is not counted");
    assert.deepEqual(breakdown(m), { case_conference: 2, meetings: 2 });
    same(recordIds(m, "outreach_contact"), [F.CT5, F.CT9]);
    same(recordIds(m, "meeting"), [F.M8, F.M9]);
    assert.deepEqual(breakdown(ok("A11.meetings", TOBI, 2016)), { case_conference: 1, meetings: 1 });
  });

  test("A12 / A13: over cases closed in the year whose targets include untreated or interrupted treatment", () => {
    const a12 = ok("A12", BIZEN, 2016);
    assert.deepEqual([a12.numerator, a12.denominator, a12.value], [2, 3, 66.7]);
    same(recordIds(a12), [F.O2, F.O3, F.O9]);
    const a13 = ok("A13", BIZEN, 2016);
    assert.deepEqual([a13.numerator, a13.denominator, a13.value], [1, 3, 33.3]);
    assert.equal(value("A12", OK, TOBI, 2016), 100);
    const none = ok("A12", office("33-maniwa"), 2016);
    assert.equal(none.value, null);
    assert.equal(none.denominator, 0);
  });
});
