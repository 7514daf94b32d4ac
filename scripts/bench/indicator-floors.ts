/*
 * The indicator floors (ADR 0052, 0056): the figures of the 自治体情報シート, of the JSON API
 * (/api/v1/indicators) and of the dashboard (/indicators) for one prefecture and fiscal year, as
 * prefecture staff see them (the whole prefecture: its offices and its own rows), each in one
 * hand-written query. They share their pieces: the rows a figure counts are written once here
 * (the year's meetings, trainings, cases …) and each floor selects the figures of its endpoint.
 *
 * A query answers one row, a column per number, named
 *   "<code>"          the figure's value (null when the app says it is not computable),
 *   "<code>#num", "<code>#den", "<code>#n", "<code>#text" (the Japanese wording)
 *                     its numerator, denominator, cohort size and text where the app has them,
 *   "<code>/<key>"    one part of its breakdown, or "<code>/*" the breakdown as a JSON object,
 *   "targets"         the prefecture's targets in force for the year (JSON: code → value),
 *   "trend.<code>"    the dashboard's five-year trend of a headline code (JSON array, oldest first).
 * tests/bench/floors.test.ts compares every column with what the app computes, figure by figure.
 * Named parameters: p, fy, start, end, cutoff (1 April after the year), today (the app's, JST).
 */
import { CONFERENCE_CONTACT_TYPES, VISIT_CONTACT_TYPES } from "@/lib/domain/outreach-rules";
import { COHORT_TOPICS } from "@/lib/domain/statistic-codes";

/** lib/preferences.ts's FIRST_FISCAL_YEAR (server-only, so not importable here): the trend starts no earlier. */
const FIRST_FISCAL_YEAR = 2019;

const list = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(", ");

/** A share in percent with one decimal, as shareOf computes it (lib/dal/indicators/context.ts); null for a zero denominator. */
const share = (num: string, den: string) => `CASE WHEN (${den}) > 0 THEN round((${num}) * 1.0 / (${den}) * 1000) / 10 END`;

/** addMonths (lib/domain/date-math.ts): clamped to the end of a shorter month, never spilling into the next. */
const addMonths = (date: string, months: number) => `min(date(${date}, '+${months} months'), date(${date}, 'start of month', '+${months + 1} months', '-1 day'))`;

// ---------------------------------------------------------------------------------------
// The rows a year counts, for a year given by its first and last day (the trend reuses them)

/** Office-owned rows (cases, dispatches, outreach): the prefecture's offices. */
const OFFICES = `off AS (SELECT id FROM health_centers WHERE prefecture_code = :p)`;

/** Rows owned by an office or by the prefecture itself (meetings, events) dated in the year. */
const ownedIn = (start: string, end: string, t = "") => `${t}prefecture_code = :p AND (${t}office_id IN off OR ${t}office_id IS NULL) AND ${t}date BETWEEN ${start} AND ${end}`;

/** Trainings: owned, or co-hosted by one of the prefecture's offices. */
const trainingsIn = (start: string, end: string) =>
  `t.prefecture_code = :p AND t.date BETWEEN ${start} AND ${end}
        AND (t.office_id IN off OR t.office_id IS NULL OR EXISTS (SELECT 1 FROM training_event_cohosts c WHERE c.training_event_id = t.id AND c.office_id IN off))`;

/** Cases supported in the year (started by its end, not ended before its start). */
const casesSupportedIn = (start: string, end: string) => `office_id IN off AND support_start_date <= ${end} AND (end_date IS NULL OR end_date >= ${start})`;
const casesDischargedIn = (start: string, end: string) => `office_id IN off AND discharge_date BETWEEN ${start} AND ${end}`;
const dispatchesDoneIn = (start: string, end: string) => `office_id IN off AND status = 'done' AND date BETWEEN ${start} AND ${end}`;
const outreachSupportedIn = (start: string, end: string) => `office_id IN off AND start_date IS NOT NULL AND start_date <= ${end} AND (end_date IS NULL OR end_date >= ${start})`;
/** The municipal 協議の場 status rows of a year, of the prefecture's municipalities. */
const municipalStatusOf = (fy: string) => `fiscal_year = ${fy} AND municipality_code IN munis`;

/** The 協議の場 bodies standing at the end of a year: established by then (or undated), not ended by then. */
const standingBodies = (name: string, end: string, from = "") =>
  `${name} AS (
      SELECT level, region_id FROM kyogi_bodies${from}
      WHERE prefecture_code = :p AND (office_id IN off OR office_id IS NULL)
        AND (established_on IS NULL OR established_on <= ${end}) AND (ended_on IS NULL OR ended_on > ${end}))`;

const municipalStatus = (name: string, fy: string, from = "") => `${name} AS (SELECT s."exists" AS ex, s.meetings_held AS held FROM municipal_kyogi_status s${from} WHERE s.${municipalStatusOf(fy)})`;

const trainings = (name: string, kinds?: string) => `${name} AS MATERIALIZED (SELECT id, kind, scope FROM training_events t WHERE ${kinds ? `t.kind IN (${kinds}) AND ` : ""}${trainingsIn(":start", ":end")})`;

/** The CTEs every indicator floor reads: the org tree, the statistics in force (ADR 0021), the year's meetings, peers, dispatches. */
const COMMON_CTES = [
  OFFICES,
  `facts AS (SELECT jiritsu_mh_subcommittee AS mh, hostel_unique_users AS hostel, kyogi_as_of_next_april AS next FROM prefecture_year_facts WHERE prefecture_code = :p AND fiscal_year = :fy)`,
  `sets AS (
      SELECT id, row_number() OVER (PARTITION BY topic ORDER BY cohort_year DESC, as_of DESC) AS rn
      FROM external_statistics
      WHERE prefecture_code = :p
        AND CASE WHEN topic IN (${list(COHORT_TOPICS)}) THEN cohort_year IS NOT NULL AND cohort_year <= :fy ELSE as_of IS NOT NULL AND as_of <= :cutoff END)`,
  `stat AS MATERIALIZED (SELECT v.metric, v.value, s.id AS sid FROM sets s CROSS JOIN external_statistic_values v ON v.statistic_id = s.id WHERE s.rn = 1)`,
  `mtg AS MATERIALIZED (SELECT id, kind, kyogi_body_id, region_id, targets_reviewed, cases_reviewed FROM meetings WHERE ${ownedIn(":start", ":end")})`,
  `regs AS (SELECT id FROM regions WHERE prefecture_code = :p AND id IN (SELECT region_id FROM health_centers WHERE id IN off))`,
  `munis AS (SELECT code FROM municipalities WHERE prefecture_code = :p AND health_center_id IN off)`,
  `peers AS MATERIALIZED (
      SELECT p.id, p.office_id FROM peer_registrations r JOIN peer_supporters p ON p.id = r.peer_id
      WHERE p.office_id IN off AND r.fiscal_year = :fy AND (p.status <> 'withdrawn' OR p.status_changed_on > :end))`,
  `dsp AS MATERIALIZED (SELECT id, purpose, hospital_id, audience_count FROM peer_dispatches WHERE ${dispatchesDoneIn(":start", ":end")})`,
];

const STATISTIC_FIGURES: [string, string][] = [
  ["B.population", "population"],
  ["B.psych_hospitals", "psych_hospital_count"],
  ["B.psych_beds", "psych_bed_count"],
  ["B.inpatients", "inpatients_total"],
  ["B.inpatients.lt3m", "inpatients_lt3m"],
  ["B.inpatients.3to12m", "inpatients_3to12m"],
  ["B.inpatients.ge1y", "inpatients_ge1y"],
  ["B.inpatients.ge1y.u65", "inpatients_ge1y_u65"],
  ["B.inpatients.ge1y.65plus", "inpatients_ge1y_65plus"],
  ["B.discharge.3m", "discharge_rate_3m"],
  ["B.discharge.6m", "discharge_rate_6m"],
  ["B.discharge.12m", "discharge_rate_12m"],
  ["B.kikan_centers", "kikan_soudan_center_count"],
  ["B.ippan_offices", "ippan_soudan_office_count"],
  ["B.tokutei_offices", "tokutei_soudan_office_count"],
];

/** The 基本情報 counted from the tree and entered, and the seeds' S1–S3, as the sheet and the API show them. */
const COMMON_FIGURES = [
  `(SELECT count(*) FROM regs) AS "B.regions"`,
  `(SELECT count(*) FROM munis) AS "B.municipalities"`,
  `(SELECT count(*) FROM health_centers WHERE prefecture_code = :p AND id IN off) AS "B.health_centers"`,
  ...STATISTIC_FIGURES.map(([code, metric]) => `(SELECT value FROM stat WHERE metric = '${metric}') AS "${code}"`),
  `(SELECT count(*) FROM mtg WHERE kind = 'jiritsu_council') AS "B.jiritsu_council"`,
  `(SELECT mh FROM facts) AS "B.jiritsu_mh_subcommittee"`,
  `(SELECT CASE mh WHEN 1 THEN '有' WHEN 0 THEN '無' END FROM facts) AS "B.jiritsu_mh_subcommittee#text"`,
  `(SELECT count(*) FROM mtg WHERE kind = 'chiiki_ikou_suishin') AS "S1"`,
  `(SELECT count(DISTINCT office_id) FROM peers) AS "S2"`,
  `(SELECT count(*) FROM peers) AS "S2/registered"`,
  `(SELECT count(*) FROM dsp) AS "S2/dispatches"`,
  `(SELECT count(*) FROM peer_trainings t JOIN peer_supporters p ON p.id = t.peer_id WHERE p.office_id IN off AND t.kind = 'peer_yousei' AND t.completed_on BETWEEN :start AND :end) AS "S2/trained"`,
  `(SELECT count(*) FROM trn WHERE kind = 'jinzai_ikusei') AS "S3"`,
  ...["prefecture", "region", "office"].map((s) => `(SELECT count(*) FROM trn WHERE kind = 'jinzai_ikusei' AND scope = '${s}') AS "S3/${s}"`),
];

/** The regions with a region-level 協議の場 among the standing `bodies` (S5, B.kyogi.region). */
const regionsCovered = (bodies: string) => `(SELECT count(DISTINCT region_id) FROM ${bodies} WHERE level = 'region' AND region_id IN regs)`;

/** Municipalities whose `status` row says a 協議の場 exists (S4, B.kyogi.municipality); not computable when none is recorded. */
const municipalitiesCovered = (status: string) => `(SELECT CASE WHEN count(*) > 0 THEN count(*) FILTER (WHERE ex) END FROM ${status})`;

/** The 基本情報's 協議の場 rows from a CTE of standing bodies and one of municipal status rows. */
const kyogiFigures = (bodies: string, status: string) => [
  `(SELECT count(*) FROM ${bodies} WHERE level = 'prefecture') AS "B.kyogi.prefecture"`,
  `${regionsCovered(bodies)} AS "B.kyogi.region"`,
  // 「5か所以上」: more bodies than regions covered.
  `(SELECT CASE WHEN count(*) > count(DISTINCT region_id) THEN count(DISTINCT region_id) || 'か所以上' END FROM ${bodies} WHERE level = 'region' AND region_id IN regs) AS "B.kyogi.region#text"`,
  `${municipalitiesCovered(status)} AS "B.kyogi.municipality"`,
];

/**
 * The 自治体情報シート's figures (ADR 0052): the 基本情報 (the org tree now, the statistics in force,
 * the 自立支援協議会 and 精神部会, the 協議の場 standing at the end of the year or of the next one
 * when the prefecture says so) and S1–S7 with the parts the sheet prints. S5 and S4 are the
 * year's own; S6 and S7 are the 基本情報's statistics (the test maps them).
 */
export const SHEET_FIGURES_SQL = `
  WITH
    ${[
      ...COMMON_CTES,
      // Years made text are cast first: better-sqlite3 binds a number as a REAL (2021.0 || '-03-31').
      `kend AS (SELECT CAST(:fy + coalesce((SELECT next FROM facts), 0) + 1 AS INTEGER) || '-03-31' AS d, :fy + coalesce((SELECT next FROM facts), 0) AS y)`,
      standingBodies("bodies", "kend.d", ", kend"),
      standingBodies("bodies_fy", ":end"),
      municipalStatus("mstat", "kend.y", ", kend"),
      municipalStatus("mst", ":fy"),
      trainings("trn", "'jinzai_ikusei'"),
    ].join(",\n    ")}
  SELECT
    ${[...COMMON_FIGURES, ...kyogiFigures("bodies", "mstat"), `${regionsCovered("bodies_fy")} AS "S5"`, `${municipalitiesCovered("mst")} AS "S4"`].join(",\n    ")}`;

// ---------------------------------------------------------------------------------------
// The API's figures: every indicator of the prefecture scope

const API_CTES = [
  ...COMMON_CTES,
  standingBodies("bodies", ":end"),
  municipalStatus("mst", ":fy"),
  trainings("trn"),
  `sess AS MATERIALIZED (SELECT b.level FROM mtg m JOIN kyogi_bodies b ON b.id = m.kyogi_body_id)`,
  `att AS MATERIALIZED (SELECT sector, count FROM meeting_attendance WHERE meeting_id IN (SELECT id FROM mtg WHERE kyogi_body_id IS NOT NULL))`,
  `tatt AS MATERIALIZED (SELECT profession, count FROM training_attendance WHERE training_event_id IN (SELECT id FROM trn))`,
  `evt AS MATERIALIZED (SELECT kind, participants, families FROM community_events WHERE ${ownedIn(":start", ":end")})`,
  `phone AS (SELECT count(*) AS months, sum(calls_total) AS calls, sum(band_night + band_late_night) AS night FROM phone_line_months WHERE prefecture_code = :p AND month BETWEEN substr(:start, 1, 7) AND substr(:end, 1, 7))`,
  `hostel AS (
      SELECT count(*) AS months, sum(nights_rest) AS rest, sum(nights_refuge) AS refuge, sum(nights_trial_stay) AS trial,
             sum(rooms * CAST(strftime('%d', month || '-01', '+1 month', '-1 day') AS INTEGER)) AS room_nights
      FROM hostel_months WHERE prefecture_code = :p AND month BETWEEN substr(:start, 1, 7) AND substr(:end, 1, 7))`,
  `osup AS MATERIALIZED (SELECT person_id, start_date FROM outreach_cases WHERE ${outreachSupportedIn(":start", ":end")})`,
  `ocon AS MATERIALIZED (SELECT x.contact_type AS type, x.met_person AS met FROM outreach_contacts x JOIN outreach_cases o ON o.id = x.outreach_case_id WHERE o.office_id IN off AND x.date BETWEEN :start AND :end)`,
  `oclosed AS MATERIALIZED (
      SELECT o.id FROM outreach_cases o
      WHERE o.office_id IN off AND o.status = 'closed' AND o.end_date BETWEEN :start AND :end
        AND EXISTS (SELECT 1 FROM outreach_case_targets t WHERE t.outreach_case_id = o.id AND t.target IN ('untreated', 'treatment_interrupted')))`,
  // The cases: supported in the year (C1, C4, C5, C12) and discharged in it (C2, C3, C6–C9), from the covering indexes.
  `sup AS MATERIALIZED (SELECT id, person_id, support_start_date AS ss, discharge_date AS dd FROM cases WHERE ${casesSupportedIn(":start", ":end")})`,
  `dis AS MATERIALIZED (
      SELECT id, person_id, support_start_date AS ss, discharge_date AS dd, discharge_destination AS dest, index_admission_date AS ia, end_date, end_reason
      FROM cases WHERE ${casesDischargedIn(":start", ":end")})`,
  `readm AS MATERIALIZED (SELECT case_id, admission_date AS ad, discharge_date AS hd FROM hospitalizations WHERE case_id IN (SELECT id FROM dis WHERE dest IS NOT 'death') AND is_index = 0)`,
  // C7: the days in hospital of the 365 after discharge, overlapping readmissions counted once
  // (each stay adds the days after the latest end of the stays before it).
  `c7 AS (SELECT id, dd FROM dis WHERE dest IS NOT 'death' AND NOT (end_reason = 'death' AND end_date IS NOT NULL AND end_date <= date(dd, '+365 days')))`,
  `c7iv AS (
      SELECT c.id, julianday(max(r.ad, date(c.dd, '+1 day'))) AS f, julianday(min(coalesce(r.hd, date(c.dd, '+365 days')), date(c.dd, '+365 days'))) AS t
      FROM c7 c JOIN readm r ON r.case_id = c.id WHERE r.ad > c.dd)`,
  `c7days AS (
      SELECT id, sum(max(0, t - max(f, coalesce(pm + 1, f)) + 1)) AS days
      FROM (SELECT id, f, t, max(t) OVER (PARTITION BY id ORDER BY f, t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm FROM c7iv WHERE f <= t)
      GROUP BY id)`,
  `c9 AS (SELECT d, row_number() OVER (ORDER BY d) AS i, count(*) OVER () AS k FROM (SELECT julianday(dd) - julianday(ss) AS d FROM dis))`,
  // One row per family: each count the figures read, computed once.
  `supc AS MATERIALIZED (
      SELECT count(DISTINCT person_id) AS persons, count(DISTINCT person_id) FILTER (WHERE ss < :start) AS continuing,
             count(DISTINCT person_id) FILTER (WHERE dd IS NULL OR dd >= :start) AS in_hospital, count(*) AS cases,
             count(*) FILTER (WHERE ss BETWEEN :start AND :end) AS started,
             ${[3, 6, 12].map((m) => `count(*) FILTER (WHERE ss BETWEEN :start AND :end AND dd IS NOT NULL AND dd <= ${addMonths("ss", m)}) AS within${m}`).join(", ")}
      FROM sup)`,
  `disc AS MATERIALIZED (
      SELECT count(DISTINCT person_id) AS persons, count(DISTINCT person_id) FILTER (WHERE julianday(dd) - julianday(ia) >= 365) AS long_stay,
             count(*) AS cases, count(*) FILTER (WHERE dest IS NOT 'death') AS alive
      FROM dis)`,
  // C8: per window, the discharged alive not dying within it, and of them the readmitted for over a month.
  `c8 AS MATERIALIZED (
      SELECT ${[90, 180, 365]
        .map((d) => {
          const followed = `NOT (c.end_reason = 'death' AND c.end_date IS NOT NULL AND c.end_date <= date(c.dd, '+${d} days'))`;
          const readmitted = `EXISTS (SELECT 1 FROM readm r WHERE r.case_id = c.id AND r.ad > c.dd AND r.ad <= date(c.dd, '+${d} days') AND julianday(coalesce(r.hd, :today)) - julianday(r.ad) > 30)`;
          return `count(*) FILTER (WHERE ${followed}) AS n${d}, count(*) FILTER (WHERE ${followed} AND ${readmitted}) AS hit${d}`;
        })
        .join(", ")}
      FROM dis c WHERE c.dest IS NOT 'death')`,
  `glc AS MATERIALIZED (
      SELECT count(*) FILTER (WHERE created) AS created, count(*) FILTER (WHERE created AND status <> 'proposed') AS answered,
             count(*) FILTER (WHERE created AND status <> 'proposed' AND consent_date IS NOT NULL) AS consented,
             count(*) FILTER (WHERE ended) AS ended, count(*) FILTER (WHERE ended AND ended_on <= period_end_date) AS in_period
      FROM (
        SELECT p.status, p.consent_date, p.ended_on, p.period_end_date, p.created_date BETWEEN :start AND :end AS created,
               p.status = 'ended' AND p.ended_on BETWEEN :start AND :end AND p.period_end_date IS NOT NULL AS ended
        FROM care_plans p JOIN cases c ON c.id = p.case_id
        WHERE c.office_id IN off AND p.plan_type = 'post_discharge_gl'
          AND (p.created_date BETWEEN :start AND :end OR (p.status = 'ended' AND p.ended_on BETWEEN :start AND :end))))`,
  `fuc AS MATERIALIZED (
      SELECT count(*) AS due, count(*) FILTER (WHERE f.checked_date IS NOT NULL AND f.checked_date <= date(f.due_date, '+30 days')) AS on_time
      FROM follow_up_checks f JOIN cases c ON c.id = f.case_id
      WHERE c.office_id IN off AND f.due_date BETWEEN :start AND min(:end, date(:today, '-30 days')))`,
  `tsc AS MATERIALIZED (
      SELECT count(*) AS stays, round(coalesce(sum(julianday(t.end_date) - julianday(t.start_date)), 0)) AS nights
      FROM trial_stays t JOIN cases c ON c.id = t.case_id WHERE c.office_id IN off AND t.start_date BETWEEN :start AND :end)`,
  `occ AS MATERIALIZED (
      SELECT count(*) AS n, ${["linked_to_care", "service_started"].map((o) => `count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outreach_outcomes u WHERE u.outreach_case_id = o.id AND u.outcome = '${o}')) AS ${o}`).join(", ")}
      FROM oclosed o)`,
  `tgt AS (
      SELECT t.indicator_code AS code, t.value, row_number() OVER (PARTITION BY t.indicator_code ORDER BY t.fiscal_year) AS rn
      FROM indicator_targets t LEFT JOIN plan_periods pp ON pp.id = t.plan_period_id
      WHERE t.prefecture_code = :p AND t.scope_level = 'prefecture'
        AND (t.fiscal_year = :fy OR (t.fiscal_year > :fy AND pp.start_fiscal_year <= :fy AND pp.end_fiscal_year >= :fy)))`,
];

/** A JSON object of a breakdown: key → value, from a grouped subquery. */
const parts = (code: string, grouped: string) => `(SELECT json_group_object(k, v) FROM (${grouped})) AS "${code}/*"`;

/** A 630 bucket's share of the total, when both come from one set (lib/dal/indicators/external.ts). */
const bucket = (code: string, metric: string) => [
  `(SELECT b.value FROM stat b JOIN stat t ON t.sid = b.sid WHERE b.metric = '${metric}' AND t.metric = 'inpatients_total') AS "${code}#num"`,
  `(SELECT t.value FROM stat b JOIN stat t ON t.sid = b.sid WHERE b.metric = '${metric}' AND t.metric = 'inpatients_total') AS "${code}#den"`,
];

/** A right-censored cohort: computed once `matures` (an expression of :end) is not after today. */
const matured = (matures: string, figure: string) => `CASE WHEN ${matures} <= :today THEN ${figure} END`;

/** A ratio's value, numerator and denominator, as shareOf gives them (`when`: computable at all). */
const ratio = (code: string, num: string, den: string, when = (figure: string) => figure) => [`${when(share(num, den))} AS "${code}"`, `${when(num)} AS "${code}#num"`, `${when(den)} AS "${code}#den"`];

/** A one-row family's column as a scalar. */
const of = (family: string, column: string) => `(SELECT ${column} FROM ${family})`;

const C5 = (months: number) =>
  ratio(`C5.${months}m`, of("supc", `within${months}`), of("supc", "started"), (f) => matured(addMonths(":end", months), f)).concat(
    `${matured(addMonths(":end", months), of("supc", "started"))} AS "C5.${months}m#n"`,
  );

const C8 = (days: number) =>
  ratio(`C8.${days}`, of("c8", `hit${days}`), of("c8", `n${days}`), (f) => matured(`date(:end, '+${days} days')`, f)).concat(
    `${matured(`date(:end, '+${days} days')`, of("c8", `n${days}`))} AS "C8.${days}#n"`,
  );

const API_FIGURES = [
  ...COMMON_FIGURES,
  ...kyogiFigures("bodies", "mst"),
  ...bucket("B.inpatients.lt3m", "inpatients_lt3m"),
  ...bucket("B.inpatients.3to12m", "inpatients_3to12m"),
  ...bucket("B.inpatients.ge1y", "inpatients_ge1y"),
  // S3's kinds beside it (A6) and the training attendance (A6.participants).
  `(SELECT count(*) FROM trn) AS "A6"`,
  parts("A6", `SELECT kind AS k, count(*) AS v FROM trn GROUP BY kind`),
  `(SELECT coalesce(sum(count), 0) FROM tatt) AS "A6.participants"`,
  parts("A6.participants", `SELECT profession AS k, sum(count) AS v FROM tatt GROUP BY profession`),
  // The meetings: 協議の場 sessions by the body's level and the municipalities' own (A1), their attendance (A2) …
  `(SELECT count(*) FROM sess WHERE level = 'prefecture') AS "A1/prefecture"`,
  `(SELECT count(*) FROM sess WHERE level = 'region') AS "A1/region"`,
  `(SELECT coalesce(sum(held), 0) FROM mst WHERE held > 0) AS "A1/municipality"`,
  `(SELECT coalesce(sum(count), 0) FROM att) AS "A2"`,
  parts("A2", `SELECT sector AS k, sum(count) AS v FROM att GROUP BY sector`),
  `(SELECT count(*) FROM mtg WHERE kyogi_body_id IS NOT NULL AND targets_reviewed) AS "A3"`,
  `(SELECT count(*) FROM mtg WHERE kind = 'region_liaison') AS "A4"`,
  parts("A4", `SELECT r.id AS k, (SELECT count(*) FROM mtg WHERE kind = 'region_liaison' AND region_id = r.id) AS v FROM regs r`),
  `(SELECT count(*) FROM mtg WHERE kind = 'case_review') AS "A5"`,
  `(SELECT coalesce(sum(cases_reviewed), 0) FROM mtg WHERE kind = 'case_review') AS "A5.cases"`,
  // Peers (A8) and dispatches (A9).
  `(SELECT count(*) FROM peers p WHERE NOT EXISTS (SELECT 1 FROM peer_registrations e WHERE e.peer_id = p.id AND e.fiscal_year < :fy)) AS "A8.new"`,
  parts("A9", `SELECT purpose AS k, count(*) AS v FROM dsp GROUP BY purpose`),
  `(SELECT count(*) FROM peer_dispatch_members WHERE dispatch_id IN (SELECT id FROM dsp)) AS "A9.person_dispatches"`,
  `(SELECT round(coalesce(sum(hours), 0) * 100) / 100 FROM peer_dispatch_members WHERE dispatch_id IN (SELECT id FROM dsp)) AS "A9.hours"`,
  `(SELECT coalesce(sum(audience_count), 0) FROM dsp) AS "A9.audience"`,
  `(SELECT count(DISTINCT hospital_id) FROM dsp) AS "A9.hospitals"`,
  // Outreach (A10–A13).
  `(SELECT count(DISTINCT person_id) FROM osup) AS "A10"`,
  `(SELECT count(DISTINCT person_id) FROM osup WHERE start_date < :start) AS "A10/continuing"`,
  `(SELECT count(*) FROM ocon WHERE type IN (${list(VISIT_CONTACT_TYPES)})) AS "A11"`,
  `(SELECT coalesce(sum(met), 0) FROM ocon WHERE type IN (${list(VISIT_CONTACT_TYPES)})) AS "A11/met"`,
  `(SELECT count(*) FROM ocon WHERE type IN (${list(CONFERENCE_CONTACT_TYPES)})) AS "A11.meetings/case_conference"`,
  `(SELECT count(*) FROM mtg WHERE kind IN ('outreach_case_review', 'outreach_liaison')) AS "A11.meetings/meetings"`,
  ...ratio("A12", of("occ", "linked_to_care"), of("occ", "n")),
  ...ratio("A13", of("occ", "service_started"), of("occ", "n")),
  // Events (A14, A15) and the contracted services' months (A16, A17).
  `(SELECT count(*) FROM evt WHERE kind = 'awareness') AS "A14"`,
  `(SELECT coalesce(sum(participants), 0) FROM evt WHERE kind = 'awareness') AS "A14.participants"`,
  `(SELECT count(*) FROM evt WHERE kind = 'family_support') AS "A15"`,
  `(SELECT coalesce(sum(families), 0) FROM evt WHERE kind = 'family_support') AS "A15.families"`,
  `(SELECT CASE WHEN months > 0 THEN calls END FROM phone) AS "A16"`,
  `(SELECT CASE WHEN months > 0 THEN months END FROM phone) AS "A16#n"`,
  `(SELECT CASE WHEN months > 0 THEN ${share("night", "calls")} END FROM phone) AS "A16.night"`,
  `(SELECT CASE WHEN months > 0 THEN night END FROM phone) AS "A16.night#num"`,
  `(SELECT CASE WHEN months > 0 THEN calls END FROM phone) AS "A16.night#den"`,
  `(SELECT hostel FROM facts) AS "A17"`,
  `(SELECT CASE WHEN months > 0 THEN rest + refuge + trial END FROM hostel) AS "A17.nights"`,
  ...["rest", "refuge", "trial"].map((k) => `(SELECT CASE WHEN months > 0 THEN ${k} END FROM hostel) AS "A17.nights/${k === "trial" ? "trial_stay" : k}"`),
  `(SELECT CASE WHEN months > 0 THEN ${share("rest + refuge + trial", "room_nights")} END FROM hostel) AS "A17.occupancy"`,
  `(SELECT CASE WHEN months > 0 THEN rest + refuge + trial END FROM hostel) AS "A17.occupancy#num"`,
  `(SELECT CASE WHEN months > 0 THEN room_nights END FROM hostel) AS "A17.occupancy#den"`,
  // Case outcomes (C1–C13): persons where the app counts persons, cases where it counts cases.
  `${of("supc", "persons")} AS "C1"`,
  `${of("supc", "continuing")} AS "C1/continuing"`,
  `${of("disc", "persons")} AS "C2"`,
  `${of("disc", "long_stay")} AS "C3"`,
  ...ratio("C4", of("disc", "persons"), of("supc", "in_hospital")),
  ...C5(3),
  ...C5(6),
  ...C5(12),
  parts("C6", `SELECT dest AS k, count(DISTINCT person_id) AS v FROM dis WHERE dest IS NOT NULL GROUP BY dest`),
  matured(`date(:end, '+365 days')`, `(SELECT round(avg(365 - coalesce(d.days, 0)) * 10) / 10 FROM c7 LEFT JOIN c7days d USING (id))`) + ` AS "C7"`,
  matured(`date(:end, '+365 days')`, `(SELECT count(*) FROM c7)`) + ` AS "C7#n"`,
  matured(`date(:end, '+365 days')`, `${of("disc", "alive")} - (SELECT count(*) FROM c7)`) + ` AS "C7/deaths"`,
  ...C8(90),
  ...C8(180),
  ...C8(365),
  `(SELECT avg(d) FROM c9 WHERE i IN ((k + 1) / 2, (k + 2) / 2)) AS "C9"`,
  `${of("disc", "cases")} AS "C9#n"`,
  `${of("tsc", "stays")} AS "C10"`,
  `${of("tsc", "nights")} AS "C10.nights"`,
  `${of("glc", "created")} AS "C11"`,
  ...ratio("C11.consent", of("glc", "consented"), of("glc", "answered")),
  ...ratio("C11.ended_in_period", of("glc", "in_period"), of("glc", "ended")),
  ...ratio("C12", `(SELECT count(DISTINCT case_id) FROM peer_dispatches WHERE case_id IN (SELECT id FROM sup) AND status = 'done' AND date BETWEEN :start AND :end)`, of("supc", "cases")),
  // C13: judged 30 days after the due date; a year none of whose follow-ups can be judged yet (its
  // first day less than 30 days ago) is not computable.
  ...ratio("C13", of("fuc", "on_time"), of("fuc", "due"), (f) => matured(`date(:start, '+30 days')`, f)),
  `(SELECT json_group_object(code, value) FROM tgt WHERE rn = 1) AS targets`,
];

/**
 * Figures the API shows twice under two codes (the same number, computed once) and the parts the
 * app derives from others: the select over the figures adds them.
 */
const API_ALIASES = [
  `"B.inpatients.ge1y" AS "S6"`,
  `"B.inpatients.ge1y.65plus" AS "S6.65plus"`,
  `"B.inpatients.ge1y.65plus" AS "S6/65plus"`,
  `"B.inpatients.ge1y.u65" AS "S6.u65"`,
  `"B.inpatients.ge1y.u65" AS "S6/u65"`,
  `"B.discharge.3m" AS "S7.3m"`,
  `"B.discharge.6m" AS "S7.6m"`,
  `"B.discharge.12m" AS "S7.12m"`,
  `"B.kyogi.region" AS "B.kyogi.region#num"`,
  `"B.regions" AS "B.kyogi.region#den"`,
  `"B.kyogi.region" AS "S5"`,
  `"B.kyogi.region" AS "S5#num"`,
  `"B.regions" AS "S5#den"`,
  `"B.kyogi.region#text" AS "S5#text"`,
  `"B.kyogi.municipality" AS "B.kyogi.municipality#num"`,
  `CASE WHEN "B.kyogi.municipality" IS NOT NULL THEN "B.municipalities" END AS "B.kyogi.municipality#den"`,
  `"B.kyogi.municipality" AS "S4"`,
  `"B.kyogi.municipality" AS "S4#num"`,
  `CASE WHEN "B.kyogi.municipality" IS NOT NULL THEN "B.municipalities" END AS "S4#den"`,
  `"S2" AS "S2#num"`,
  `"B.health_centers" AS "S2#den"`,
  `CASE WHEN "S2" > 0 AND "S2" = "B.health_centers" THEN '保健所・支所にピアサポーターが登録され派遣できる体制がある'
        WHEN "S2" > 0 THEN "B.health_centers" || 'か所中' || "S2" || 'か所の保健所・支所にピアサポーターが登録されている'
        ELSE 'ピアサポーターの登録はない' END AS "S2#text"`,
  `"A1/prefecture" + "A1/region" + "A1/municipality" AS "A1"`,
  `"S2/registered" AS "A8"`,
  `"S2/trained" AS "A8.trained"`,
  `"S2/dispatches" AS "A9"`,
  `"A10" - "A10/continuing" AS "A10/new"`,
  `"A11.meetings/case_conference" + "A11.meetings/meetings" AS "A11.meetings"`,
  `"C1" - "C1/continuing" AS "C1/new"`,
  `"C2" AS "C6"`,
];

const apiSelect = (extra: string[] = []) => `SELECT fig.*, ${[...API_ALIASES, ...extra].join(",\n    ")} FROM fig`;

/** The JSON API's figures: every indicator of the prefecture scope for one year (no trend). */
export const API_FIGURES_SQL = `
  WITH
    ${[...API_CTES, `fig AS (SELECT\n    ${API_FIGURES.join(",\n    ")})`].join(",\n    ")}
  ${apiSelect()}`;

/** The trend's earlier years (the year's own figures are the API's): from FIRST_FISCAL_YEAR at the earliest. */
const TREND_CTES = [
  // An integer year (better-sqlite3 binds :fy as a REAL, and 2020.0 || '-04-01' is no date).
  `yrs(fy) AS (SELECT CAST(max(:fy - 4, ${FIRST_FISCAL_YEAR}) AS INTEGER) UNION ALL SELECT fy + 1 FROM yrs WHERE fy + 1 < :fy)`,
  `ty AS (SELECT fy, fy || '-04-01' AS ys, (fy + 1) || '-03-31' AS ye FROM yrs WHERE fy < :fy)`,
];

/**
 * Each headline code (lib/dal/indicators/index.ts HEADLINE_CODES): by the year's rule over the
 * earlier years, and the year's own figure (a column of fig) for the last.
 */
const TREND: [code: string, earlier: string, own: string][] = [
  ["C1", `(SELECT count(DISTINCT person_id) FROM cases WHERE ${casesSupportedIn("ys", "ye")})`, `fig."C1"`],
  ["C2", `(SELECT count(DISTINCT person_id) FROM cases WHERE ${casesDischargedIn("ys", "ye")})`, `fig."C2"`],
  ["A9", `(SELECT count(*) FROM peer_dispatches WHERE ${dispatchesDoneIn("ys", "ye")})`, `fig."S2/dispatches"`],
  ["A10", `(SELECT count(DISTINCT person_id) FROM outreach_cases WHERE ${outreachSupportedIn("ys", "ye")})`, `fig."A10"`],
  ["S3", `(SELECT count(*) FROM training_events t WHERE t.kind = 'jinzai_ikusei' AND ${trainingsIn("ys", "ye")})`, `fig."S3"`],
  [
    "A1",
    `(SELECT count(*) FROM meetings m JOIN kyogi_bodies b ON b.id = m.kyogi_body_id WHERE b.level IN ('prefecture', 'region') AND ${ownedIn("ys", "ye", "m.")})
       + (SELECT coalesce(sum(meetings_held), 0) FROM municipal_kyogi_status WHERE ${municipalStatusOf("fy")} AND meetings_held > 0)`,
    `fig."A1/prefecture" + fig."A1/region" + fig."A1/municipality"`,
  ],
];

/** The dashboard's figures: the API's and the five-year trend of the headline codes (one JSON array each, oldest year first). */
export const DASHBOARD_FIGURES_SQL = `
  WITH RECURSIVE
    ${[...API_CTES, ...TREND_CTES, `fig AS (SELECT\n    ${API_FIGURES.join(",\n    ")})`].join(",\n    ")}
  ${apiSelect(TREND.map(([code, earlier, own]) => `(SELECT json_group_array(v ORDER BY fy) FROM (SELECT fy, ${earlier} AS v FROM ty UNION ALL SELECT :fy, ${own})) AS "trend.${code}"`))}`;
