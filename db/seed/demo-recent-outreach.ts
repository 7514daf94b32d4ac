import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  healthCenters,
  municipalities,
  outreachCaseTargets,
  outreachCases,
  outreachContactProfessions,
  outreachContacts,
  outreachNumberSequences,
  outreachOutcomes,
  personIdentities,
  persons,
  users,
} from "@/db/schema";
import type { ReferralSource, Sex } from "@/lib/domain/case-codes";
import { addDays, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { daysInMonth } from "@/lib/domain/iso-date";
import { normalizeKana } from "@/lib/domain/kana";
import { nameKeys } from "@/lib/domain/name-key";
import type { OutreachContactType, OutreachEndReason, OutreachOutcome, OutreachTarget, OutreachTeamKind } from "@/lib/domain/outreach-codes";
import { formatOutreachCaseNumber } from "@/lib/domain/outreach-rules";
import { DEMO_FAMILY_NAMES, DEMO_GIVEN_NAMES_FEMALE, DEMO_GIVEN_NAMES_MALE } from "./demo-cases";
import { MINUTES, OKAYAMA_TEAM, SELECTED, TEAMS, metFor, placeFor, professionsFor, summaryFor } from "./demo-outreach";
import { createRng, type Rng } from "./random";
import { dateBetween, maxDate, minDate, pad, ts, type RecentContext } from "./demo-recent-util";

/*
 * Outreach after FY2024 (ADR 0020). The cases open on 2025-03-31 go on with contacts up to the
 * last couple of weeks: the two referred in February and March 2025 are selected and started in
 * spring 2025, two others end on fixed days in FY2025 (once today has passed them), the rest stay
 * in support. Each prefecture also has a referral of the past weeks still 選定前, so 選定前,
 * 支援中 and 終結 all show on any day. FY2019–FY2024 (the contractor's published figures) are
 * untouched: every date written here is after the anchor.
 */

const SEED = "tsunagu-demo-recent-outreach-v1";

type Going = {
  selection?: string;
  start?: string;
  end?: string;
  endReason?: OutreachEndReason;
  gafEnd?: number;
  /** Contacts per 30 days while in support, and how often the person is met on a visit. */
  rate: number;
  metRate: number;
  outcomes: { outcome: OutreachOutcome; date: string; note?: string }[];
};

/** What happens after the anchor to each case open on that day (keyed as in demo-outreach.ts). */
const GOING_ON: Readonly<Record<string, Going>> = {
  "33-bizen-2": {
    end: "2026-02-20",
    endReason: "handed_over",
    rate: 2,
    metRate: 0.7,
    outcomes: [
      { outcome: "service_started", date: "2025-09-10", note: "就労継続支援B型の利用を始めた。" },
      { outcome: "handed_to_local", date: "2026-02-20" },
    ],
  },
  "33-bihoku-1": { rate: 1.5, metRate: 0.6, outcomes: [{ outcome: "engaged", date: "2025-06-11" }] },
  "33-bizen-3": { selection: "2025-04-16", start: "2025-05-07", rate: 2, metRate: 0.5, outcomes: [{ outcome: "engaged", date: "2025-09-03" }] },
  "35-shimonoseki-city-1": { end: "2025-10-24", endReason: "goal_met", gafEnd: 58, rate: 1.5, metRate: 0.8, outcomes: [{ outcome: "treatment_continued", date: "2025-07-16" }] },
  "35-ube-3": { rate: 1.5, metRate: 0.7, outcomes: [{ outcome: "linked_to_care", date: "2025-08-20", note: "精神科外来の受診を再開した。" }] },
  "35-ube-4": { selection: "2025-04-14", start: "2025-04-28", rate: 2, metRate: 0.5, outcomes: [{ outcome: "engaged", date: "2025-08-06" }] },
};

/** The referral of the past weeks in each prefecture. */
const NEW_REFERRALS: readonly { prefectureCode: "33" | "35"; office: string; teamKind: OutreachTeamKind; teamName: string; target: OutreachTarget; source: ReferralSource }[] = [
  { prefectureCode: "33", office: "bitchu", teamKind: "contracted_hospital", teamName: OKAYAMA_TEAM, target: "untreated", source: "family" },
  { prefectureCode: "35", office: "ube", teamKind: "health_center", teamName: TEAMS.ube, target: "treatment_interrupted", source: "municipality" },
];

const IN_SUPPORT: Partial<Record<OutreachContactType, number>> = { home_visit: 5, phone_mail: 2, case_conference: 1, family_interview: 1, accompany_clinic: 0.6, liaison: 0.6 };
const BEFORE_SELECTION: Partial<Record<OutreachContactType, number>> = { family_interview: 2, phone_mail: 1, liaison: 1 };

export type RecentOutreachSummary = { contacts: number; newCases: number };

type Rows = {
  persons: (typeof persons.$inferInsert)[];
  identities: (typeof personIdentities.$inferInsert)[];
  cases: (typeof outreachCases.$inferInsert)[];
  targets: (typeof outreachCaseTargets.$inferInsert)[];
  sequences: (typeof outreachNumberSequences.$inferInsert)[];
  contacts: (typeof outreachContacts.$inferInsert)[];
  professions: (typeof outreachContactProfessions.$inferInsert)[];
  outcomes: (typeof outreachOutcomes.$inferInsert)[];
};

type Contact = { date: string; type: OutreachContactType; met: boolean; summary: string };

/** `count` contacts of the given mix on days in [from, to]; the last one on `to` when asked. */
function contactsBetween(rng: Rng, from: string, to: string, perMonth: number, mix: Partial<Record<OutreachContactType, number>>, metRate: number, endOnLast: boolean): Contact[] {
  if (to < from) return [];
  const n = Math.max(endOnLast ? 1 : 0, Math.round((daysBetween(from, to) / 30) * perMonth));
  return Array.from({ length: n }, (_, i) => {
    const date = endOnLast && i === 0 ? to : dateBetween(rng, from, to);
    const type = endOnLast && i === 0 ? "home_visit" : rng.weighted(mix);
    const met = metFor(rng, type, metRate);
    return { date, type, met, summary: summaryFor(rng, type, met) };
  });
}

function pushContacts(rng: Rng, caseId: string, key: string, teamKind: OutreachTeamKind, coordinator: string, list: Contact[], rows: Rows): string | null {
  list.sort((a, b) => a.date.localeCompare(b.date));
  list.forEach((c, i) => {
    const id = `oc-${key}-r${pad(i + 1, 3)}`;
    const [lo, hi] = MINUTES[c.type];
    rows.contacts.push({ id, outreachCaseId: caseId, date: c.date, contactType: c.type, place: placeFor(rng, c.type), minutes: Math.round(rng.int(lo, hi) / 5) * 5, metPerson: c.met, summary: c.summary, createdBy: coordinator, createdAt: ts(c.date, `01:${pad(i % 60, 2)}`) });
    for (const profession of professionsFor(rng, teamKind, c.type)) rows.professions.push({ contactId: id, profession });
  });
  return list.at(-1)?.date ?? null;
}

export function seedRecentOutreach(tx: Tx, ctx: RecentContext): RecentOutreachSummary {
  const root = createRng(SEED);
  const { today, start: first } = ctx;
  const rows: Rows = { persons: [], identities: [], cases: [], targets: [], sequences: [], contacts: [], professions: [], outcomes: [] };
  const going = tx.select().from(outreachCases).where(inArray(outreachCases.status, ["referred", "active"])).orderBy(asc(outreachCases.id)).all();
  for (const c of going) {
    const key = c.id.replace(/^or-/, "");
    const plan = GOING_ON[key] ?? { rate: 2, metRate: 0.6, outcomes: [] };
    const rng = root.fork(key);
    const selection = c.selectionConferenceDate ?? (plan.selection && plan.selection <= today ? plan.selection : null);
    const start = c.startDate ?? (plan.start && plan.start <= today ? plan.start : null);
    const end = plan.end && plan.end <= today ? plan.end : null;
    const until = end ?? today;
    const list: Contact[] = [];
    // Before the selection conference: the family and the agencies; then the conference itself.
    if (!c.startDate) list.push(...contactsBetween(rng, first, minDate(until, selection ? addDays(selection, -1) : null), 1, BEFORE_SELECTION, 0, false));
    if (selection && !c.selectionConferenceDate) list.push({ date: selection, type: "case_conference", met: false, summary: SELECTED });
    if (start) list.push(...contactsBetween(rng, maxDate(first, start), end ?? addDays(today, -rng.int(0, 14)), plan.rate, IN_SUPPORT, plan.metRate, true));
    const last = pushContacts(rng, c.id, key, c.teamKind, c.coordinatorUserId, list.filter((x) => x.date >= first && x.date <= until), rows);
    plan.outcomes
      .filter((o) => o.date <= until && (!start || o.date >= start))
      .forEach((o, i) => rows.outcomes.push({ id: `oo-${key}-r${i + 1}`, outreachCaseId: c.id, outcome: o.outcome, date: o.date, note: o.note ?? null, createdBy: c.coordinatorUserId, createdAt: ts(o.date, `02:${pad(i, 2)}`) }));
    const status = end ? "closed" : start ? "active" : "referred";
    const changes = [selection !== c.selectionConferenceDate, start !== c.startDate, !!end].filter(Boolean).length;
    ctx.update(
      outreachCases,
      {
        status,
        selectionConferenceDate: selection,
        startDate: start,
        endDate: end,
        endReason: end ? plan.endReason! : null,
        gafEnd: end ? (plan.gafEnd ?? c.gafEnd) : c.gafEnd,
        lastContactDate: maxDate(c.lastContactDate, last),
        version: c.version + changes,
        updatedBy: c.coordinatorUserId,
        updatedAt: ts(maxDate(c.updatedAt.slice(0, 10), last, end, start), "02:59"),
      },
      { id: c.id },
    );
  }

  // A referral of the past weeks in each prefecture, not yet selected.
  for (const r of NEW_REFERRALS) {
    const officeId = `${r.prefectureCode}-${r.office}`;
    const office = tx.select({ casePrefix: healthCenters.casePrefix }).from(healthCenters).where(eq(healthCenters.id, officeId)).get();
    const coordinator = tx.select({ id: users.id }).from(users).where(eq(users.username, `${r.office}.coord`)).get()?.id;
    if (!office || !coordinator) continue;
    const rng = root.fork(`new-${officeId}`);
    const referralDate = maxDate(first, addDays(today, -rng.int(7, 35)));
    const fiscalYear = fiscalYearOf(referralDate);
    const seq = (tx.select().from(outreachNumberSequences).where(and(eq(outreachNumberSequences.officeId, officeId), eq(outreachNumberSequences.fiscalYear, fiscalYear))).get()?.lastSeq ?? 0) + 1;
    rows.sequences.push({ officeId, fiscalYear, lastSeq: seq });
    const key = `${officeId}-new`;
    const caseId = `or-${key}`;
    const personId = `p-or-${key}`;
    const sex = rng.weighted<Sex>({ male: 55, female: 45 });
    const birthYear = rng.int(1965, 1995);
    const birthMonth = rng.int(1, 12);
    const [familyName, familyKana] = rng.pick(DEMO_FAMILY_NAMES);
    const [givenName, givenKana] = rng.pick<readonly [string, string]>(sex === "female" ? DEMO_GIVEN_NAMES_FEMALE : DEMO_GIVEN_NAMES_MALE);
    const munis = tx.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(eq(municipalities.healthCenterId, officeId)).orderBy(asc(municipalities.sort)).all();
    const municipality = munis.length > 0 ? rng.pick(munis) : null;
    const createdAt = ts(referralDate);
    const birthYearMonth = `${birthYear}-${pad(birthMonth, 2)}`;
    rows.persons.push({ id: personId, prefectureCode: r.prefectureCode, officeId, birthYearMonth, sex, municipalityCode: municipality?.code ?? null, createdAt, updatedAt: createdAt });
    rows.identities.push({
      personId,
      familyName,
      givenName,
      familyNameKana: familyKana,
      givenNameKana: givenKana,
      kanaKey: normalizeKana(familyKana + givenKana),
      ...nameKeys({ familyName, givenName }),
      dateOfBirth: `${birthYearMonth}-${pad(rng.int(1, daysInMonth(birthYear, birthMonth)), 2)}`,
      phone: rng.chance(0.6) ? `090-0000-${pad(rng.int(0, 9999), 4)}` : null,
      address: municipality && rng.chance(0.5) ? `（デモ）${municipality.name}` : null,
      updatedAt: createdAt,
    });
    const last = pushContacts(rng, caseId, key, r.teamKind, coordinator, contactsBetween(rng, referralDate, today, 1.5, BEFORE_SELECTION, 0, false), rows);
    rows.cases.push({
      id: caseId,
      caseNo: formatOutreachCaseNumber(r.prefectureCode, office.casePrefix, fiscalYear, seq),
      personId,
      prefectureCode: r.prefectureCode,
      officeId,
      coordinatorUserId: coordinator,
      status: "referred",
      primaryTarget: r.target,
      teamKind: r.teamKind,
      teamName: r.teamName,
      referralDate,
      referralSource: r.source,
      diagnosisGroup: rng.chance(0.6) ? "F2" : null,
      diagnosisSuspected: true,
      selectionConferenceDate: null,
      startDate: null,
      endDate: null,
      endReason: null,
      gafStart: null,
      gafEnd: null,
      lastContactDate: last,
      version: 1,
      createdBy: coordinator,
      createdAt,
      updatedBy: coordinator,
      updatedAt: ts(maxDate(referralDate, last), "02:59"),
    });
    rows.targets.push({ outreachCaseId: caseId, target: r.target });
  }

  ctx.insert(persons, rows.persons);
  ctx.insert(personIdentities, rows.identities);
  ctx.insert(outreachCases, rows.cases);
  ctx.insert(outreachCaseTargets, rows.targets);
  ctx.insert(outreachNumberSequences, rows.sequences);
  ctx.insert(outreachContacts, rows.contacts);
  ctx.insert(outreachContactProfessions, rows.professions);
  ctx.insert(outreachOutcomes, rows.outcomes);
  return { contacts: rows.contacts.length, newCases: rows.cases.length };
}
