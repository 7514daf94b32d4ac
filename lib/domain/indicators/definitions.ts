/**
 * The indicator registry: every figure of the 自治体情報シート and the dashboard, defined once
 * (domain brief §1, §8). Definitions are pure data; each code's compute function lives in
 * lib/dal/indicators (it reads the database), keyed by the same code, and a unit test checks
 * that every definition has exactly one compute function.
 *
 * Codes follow the brief: B* the sheet's 基本情報, S1–S7 the seeds' own indicators, A* the
 * national activity indicators (活動指標) the records support, C* this programme's case
 * outcomes (本事業独自指標: never the NDB rates, which are external statistics). A figure with
 * two numbers (held / participants) is two indicators: "A6" and "A6.participants".
 */
import type { ScopeLevel } from "@/lib/domain/statistic-codes";
import type { IndicatorDefinition, IndicatorGroup, IndicatorKind, IndicatorUnit, RecordKind } from "./types";

const ALL: readonly ScopeLevel[] = ["prefecture", "region", "office"];
const PREFECTURE: readonly ScopeLevel[] = ["prefecture"];
const PREF_REGION: readonly ScopeLevel[] = ["prefecture", "region"];

type Options = { scopes?: readonly ScopeLevel[]; countsPersons?: boolean; ownMeasure?: boolean; direction?: "higher" | "lower"; records?: RecordKind };

function def(code: string, group: IndicatorGroup, kind: IndicatorKind, unit: IndicatorUnit, name: [string, string], definition: [string, string], o: Options = {}): IndicatorDefinition {
  return {
    code,
    group,
    kind,
    unit,
    name: { ja: name[0], en: name[1] },
    definition: { ja: definition[0], en: definition[1] },
    scopes: o.scopes ?? ALL,
    countsPersons: o.countsPersons ?? false,
    ...(o.ownMeasure ? { ownMeasure: true } : {}),
    ...(o.direction ? { direction: o.direction } : {}),
    ...(o.records ? { records: o.records } : {}),
  };
}

const stat = (code: string, unit: IndicatorUnit, name: [string, string], source: [string, string], direction?: "higher" | "lower") =>
  def(code, "basic", "external", unit, name, source, { scopes: PREFECTURE, records: "statistic", ...(direction ? { direction } : {}) });

const SIX30: [string, string] = ["630調査(精神保健福祉資料)の値。県が入力した外部統計で、記録からは数えません。", "From the 630 survey, entered by the prefecture as an external statistic; not counted from records."];
const NDB_RATE: [string, string] = [
  "入院した年度のコホートのうち、入院後その期間内に退院した者の割合。算出方法(NDB年度コホート／630調査6月コホート)と対象年を併記します。外部統計であり、本事業の支援対象者の退院率(C5)とは別の指標です。",
  "Share of an admission cohort discharged within the period, with its method (NDB fiscal-year cohort or 630 June cohort) and cohort year. An external statistic, not the programme's own discharge rate (C5).",
];

export const INDICATORS: readonly IndicatorDefinition[] = [
  // --- 基本情報 (the sheet's front page) -------------------------------------------------
  def("B.regions", "basic", "count", "places", ["障害保健福祉圏域数", "Regions (障害保健福祉圏域)"], ["組織体制に登録された圏域の数。", "Regions in the organisation tree."], { scopes: PREFECTURE, records: "region" }),
  def("B.municipalities", "basic", "count", "municipalities", ["市町村数", "Municipalities"], ["組織体制に登録された市町村の数。", "Municipalities in the organisation tree."], { scopes: PREF_REGION, records: "municipality" }),
  stat("B.population", "people", ["人口", "Population"], ["推計人口等。県が基準日とともに入力します。", "Population estimate, entered with its reference date."]),
  stat("B.psych_hospitals", "hospitals", ["精神科病院の数", "Psychiatric hospitals"], ["統計上の精神科病院数(病院マスタの件数ではありません)。", "The published count of psychiatric hospitals (not the hospital master's rows)."]),
  stat("B.psych_beds", "beds", ["精神科病床数", "Psychiatric beds"], ["医療施設調査等の精神科病床数。", "Psychiatric beds from the survey of medical institutions."]),
  stat("B.inpatients", "people", ["入院精神障害者数 合計", "Psychiatric inpatients, total"], SIX30),
  stat("B.inpatients.lt3m", "people", ["3か月未満", "Under 3 months"], SIX30),
  stat("B.inpatients.3to12m", "people", ["3か月以上1年未満", "3 to 12 months"], SIX30),
  stat("B.inpatients.ge1y", "people", ["1年以上", "1 year or more"], SIX30, "lower"),
  stat("B.inpatients.ge1y.u65", "people", ["1年以上 うち65歳未満", "1 year or more, under 65"], SIX30, "lower"),
  stat("B.inpatients.ge1y.65plus", "people", ["1年以上 うち65歳以上", "1 year or more, 65 and over"], SIX30, "lower"),
  stat("B.discharge.3m", "percent", ["退院率 入院後3か月時点", "Discharged by 3 months"], NDB_RATE, "higher"),
  stat("B.discharge.6m", "percent", ["退院率 入院後6か月時点", "Discharged by 6 months"], NDB_RATE, "higher"),
  stat("B.discharge.12m", "percent", ["退院率 入院後1年時点", "Discharged by 1 year"], NDB_RATE, "higher"),
  stat("B.kikan_centers", "places", ["基幹相談支援センター数", "Core consultation support centres"], ["県の集計。", "From the prefecture's records."]),
  stat("B.ippan_offices", "places", ["一般相談支援事業所数", "General consultation support offices"], ["地域移行支援・地域定着支援を行う事業所。県の指定台帳から。", "Offices providing community-transition and settlement support."]),
  stat("B.tokutei_offices", "places", ["特定相談支援事業所数", "Specified consultation support offices"], ["計画相談支援を行う事業所。", "Offices providing service-use planning."]),
  def("B.health_centers", "basic", "count", "places", ["保健所数", "Health centres"], ["保健所・健康福祉センターと支所の数(支所を含む)。", "Health centres and their branch offices (branches included)."], { scopes: PREF_REGION, records: "office" }),
  def("B.jiritsu_council", "basic", "count", "perYear", ["(自立支援)協議会の開催頻度", "Support council meetings a year"], ["県が開催した(自立支援)協議会の会議の回数(年度内)。", "Meetings of the prefecture's (自立支援)協議会 held in the year."], { scopes: PREFECTURE, records: "meeting" }),
  def("B.jiritsu_mh_subcommittee", "basic", "qualitative", "presence", ["精神領域に関する議論を行う部会の有無", "Mental-health subcommittee"], ["年度ごとに県が記録する事実(開催実績からは推定しません)。", "A fact the prefecture records per year (not inferred from meetings held)."], { scopes: PREFECTURE }),
  def("B.kyogi.prefecture", "basic", "count", "places", ["協議の場 都道府県", "Councils: prefecture level"], ["年度末に設置されている都道府県レベルの協議の場の数。", "Prefecture-level councils standing at the end of the year."], { scopes: PREFECTURE, records: "kyogi_body" }),
  def("B.kyogi.region", "basic", "coverage", "regions", ["協議の場 障害保健福祉圏域", "Councils: regions"], ["年度末に圏域レベルの協議の場がある圏域の数／圏域数。協議の場の数が圏域数を超えるときは「○か所以上」と表示します。", "Regions with a regional council standing at the end of the year, of all regions; more bodies than regions reads 'n or more'."], { scopes: PREF_REGION, records: "kyogi_body" }),
  def("B.kyogi.municipality", "basic", "coverage", "municipalities", ["協議の場 市町村", "Councils: municipalities"], ["その年度の状況で協議の場「有」とされた市町村の数／市町村数。", "Municipalities whose status for the year records a council, of all municipalities."], { scopes: PREF_REGION, records: "municipal_status" }),

  // --- The seeds' indicators (§8.1) ---------------------------------------------------
  def("S1", "seed", "count", "times", ["地域移行推進検討会の開催", "Community transition review meetings held"], ["年度内に開催された「地域移行推進検討会」の回数。", "Meetings of the kind 地域移行推進検討会 held in the year."], { records: "meeting", direction: "higher" }),
  def("S2", "seed", "qualitative", "offices", ["ピアサポーターの登録・派遣体制", "Peer supporter registration and dispatch"], ["年度末にピアサポーターが登録されている保健所・支所の数／保健所・支所数。派遣(実施)件数と養成研修修了者数を添えます。", "Offices with peers registered for the year, of all offices, with the year's dispatches done and training graduates."], { records: "office", direction: "higher" }),
  def("S3", "seed", "count", "times", ["人材育成研修会の開催", "Workforce development trainings held"], ["年度内の「人材育成研修」の回数(県全域・圏域・保健所・支所圏域の内訳つき)。他の種類の研修は数えません。", "Trainings of the kind 人材育成研修 in the year, by scope; other kinds are not counted."], { records: "training", direction: "higher" }),
  def("S4", "seed", "coverage", "municipalities", ["地域毎の進捗状況：市町村の協議の場", "Municipalities with a council"], ["その年度の状況で協議の場「有」の市町村数／市町村数。", "Municipalities whose status for the year records a council, of all municipalities."], { scopes: PREF_REGION, records: "municipal_status", direction: "higher" }),
  def("S5", "seed", "coverage", "regions", ["圏域ごとの保健・医療・福祉関係者による協議の場の設置", "Regions with a council"], ["年度末に圏域レベルの協議の場がある圏域の数／圏域数。", "Regions with a regional council standing at the end of the year, of all regions."], { scopes: PREF_REGION, records: "kyogi_body", direction: "higher" }),
  def("S6", "seed", "external", "people", ["1年以上の長期在院者数", "Long-stay inpatients (1 year or more)"], ["630調査の1年以上入院者数(65歳以上・65歳未満の内訳つき)。外部統計。", "Inpatients staying 1 year or more (630 survey), by age; an external statistic."], { scopes: PREFECTURE, records: "statistic", direction: "lower" }),
  def("S6.65plus", "seed", "external", "people", ["1年以上の長期在院者数 うち65歳以上", "Long-stay inpatients aged 65 and over"], SIX30, { scopes: PREFECTURE, records: "statistic", direction: "lower" }),
  def("S6.u65", "seed", "external", "people", ["1年以上の長期在院者数 うち65歳未満", "Long-stay inpatients under 65"], SIX30, { scopes: PREFECTURE, records: "statistic", direction: "lower" }),
  def("S7.3m", "seed", "external", "percent", ["入院後3か月時点の退院率", "Discharge rate at 3 months"], NDB_RATE, { scopes: PREFECTURE, records: "statistic", direction: "higher" }),
  def("S7.6m", "seed", "external", "percent", ["入院後6か月時点の退院率", "Discharge rate at 6 months"], NDB_RATE, { scopes: PREFECTURE, records: "statistic", direction: "higher" }),
  def("S7.12m", "seed", "external", "percent", ["入院後1年時点の退院率", "Discharge rate at 1 year"], NDB_RATE, { scopes: PREFECTURE, records: "statistic", direction: "higher" }),

  // --- Activity indicators (§8.3) -------------------------------------------------------
  def("A1", "activity", "count", "times", ["協議の場の開催回数", "Council sessions held"], ["登録された協議の場の会議として記録された会議の回数(種類を問わない)。都道府県・圏域・市町村の内訳。市町村の協議の場は市町村の状況表の開催回数も合算します。", "Meetings recorded as sessions of a registered council, by the council's level; municipal councils add the meetings held in the municipal status table."], { records: "meeting", direction: "higher" }),
  def("A2", "activity", "count", "people", ["協議の場への関係者の参加者数", "Council attendance"], ["A1の会議の出席者の延べ人数(分野別)。", "Attendance at the A1 sessions, by sector."], { records: "meeting", direction: "higher" }),
  def("A3", "activity", "count", "times", ["協議の場における目標設定及び評価の実施回数", "Council sessions that set or reviewed targets"], ["A1の会議のうち目標設定・評価を行ったもの。", "A1 sessions at which targets were set or reviewed."], { records: "meeting", direction: "higher" }),
  def("A4", "activity", "count", "times", ["圏域連絡調整会議の開催回数", "Regional liaison meetings"], ["年度内の圏域連絡調整会議の回数(圏域別)。", "Regional liaison meetings held in the year, per region."], { records: "meeting", direction: "higher" }),
  def("A5", "activity", "count", "times", ["事例検討会の開催回数", "Case review meetings"], ["年度内の事例検討会の回数。", "Case review meetings held in the year."], { records: "meeting", direction: "higher" }),
  def("A5.cases", "activity", "count", "cases", ["事例検討会の検討事例数", "Cases reviewed"], ["事例検討会で検討した事例数の合計。", "Cases reviewed at the case review meetings."], { records: "meeting", direction: "higher" }),
  def("A6", "activity", "count", "times", ["研修の開催回数", "Trainings held"], ["年度内の研修(全種類)の回数(種類別)。", "Trainings of every kind held in the year, by kind."], { records: "training", direction: "higher" }),
  def("A6.participants", "activity", "count", "people", ["研修の参加者数", "Training participants"], ["研修の参加者の延べ人数(職種別)。", "Participants in the trainings, by profession."], { records: "training", direction: "higher" }),
  def("A8", "activity", "count", "people", ["ピアサポーター登録者数", "Registered peer supporters"], ["その年度に登録されていたピアサポーター(年度末までに登録抹消した者を除く)。", "Peers registered for the year, less those withdrawn by its end."], { records: "peer", countsPersons: true, direction: "higher" }),
  def("A8.new", "activity", "count", "people", ["ピアサポーター新規登録者数", "Newly registered peer supporters"], ["A8のうち、その年度が初めての登録の者。", "A8 peers registered for the first time that year."], { records: "peer", countsPersons: true, direction: "higher" }),
  def("A8.trained", "activity", "count", "people", ["ピアサポーター養成研修修了者数", "Peer training graduates"], ["年度内に養成研修を修了した登録ピアサポーター。", "Registered peers who completed the 養成研修 in the year."], { records: "peer", countsPersons: true, direction: "higher" }),
  def("A9", "activity", "count", "times", ["ピアサポーター派遣件数", "Peer dispatches"], ["年度内に実施した派遣の件数。", "Dispatches done in the year."], { records: "dispatch", direction: "higher" }),
  def("A9.person_dispatches", "activity", "count", "people", ["延べ派遣人数", "Peer-dispatches"], ["実施した派遣に参加したピアサポーターの延べ人数。", "Peers on the dispatches done, counted once per dispatch."], { records: "dispatch", direction: "higher" }),
  def("A9.hours", "activity", "count", "hours", ["派遣時間", "Dispatch hours"], ["実施した派遣のピアサポーターの活動時間の合計。", "Hours of the peers on the dispatches done."], { records: "dispatch", direction: "higher" }),
  def("A9.audience", "activity", "count", "people", ["派遣で到達した入院患者等の数", "Inpatients and others reached"], ["実施した派遣の対象人数の合計。", "People reached by the dispatches done."], { records: "dispatch", direction: "higher" }),
  def("A9.hospitals", "activity", "count", "hospitals", ["派遣先病院数", "Hospitals visited"], ["実施した派遣の派遣先病院(病院マスタ)の数。", "Distinct hospitals of the master visited by the dispatches done."], { records: "dispatch", direction: "higher" }),
  def("A10", "activity", "count", "people", ["アウトリーチ支援対象者実数", "Outreach: people supported"], ["年度内に支援した者の実人数(新規：年度内に支援開始／継続：前年度以前に開始)。", "People supported in the year, unduplicated (new: started in the year; continuing: before)."], { records: "outreach_case", countsPersons: true }),
  def("A11", "activity", "count", "times", ["アウトリーチ 訪問延べ回数", "Outreach visits"], ["訪問・受診同行の延べ回数。", "Home visits and accompanied clinic visits."], { records: "outreach_contact", direction: "higher" }),
  def("A11.meetings", "activity", "count", "times", ["アウトリーチ 関係者会議回数", "Outreach meetings"], ["ケース会議の記録と、アウトリーチ事例検討会・支援者連絡会議の会議の合計。", "Case-conference contacts plus outreach case-review and liaison meetings."], { records: "outreach_contact" }),
  def("A12", "activity", "ratio", "percent", ["アウトリーチ 医療につながった割合", "Outreach: linked to care"], ["年度内に終結した未治療・治療中断の対象者のうち、「医療につながった」成果がある者の割合。", "Of cases closed in the year whose targets include untreated or treatment interrupted, the share with the outcome 'linked to care'."], { records: "outreach_case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("A13", "activity", "ratio", "percent", ["アウトリーチ サービス利用開始割合", "Outreach: services started"], ["年度内に終結した未治療・治療中断の対象者のうち、「サービス利用開始」の成果がある者の割合。", "Of the same closed cases, the share with the outcome 'services started'."], { records: "outreach_case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("A14", "activity", "count", "times", ["普及啓発 開催回数", "Awareness events"], ["年度内の普及啓発の行事の回数。", "Awareness events held in the year."], { records: "event", direction: "higher" }),
  def("A14.participants", "activity", "count", "people", ["普及啓発 参加者数", "Awareness participants"], ["普及啓発の参加者の合計。", "Participants in the awareness events."], { records: "event", direction: "higher" }),
  def("A15", "activity", "count", "times", ["家族支援 学習会等の回数", "Family support sessions"], ["年度内の家族支援の行事の回数。", "Family support sessions held in the year."], { records: "event", direction: "higher" }),
  def("A15.families", "activity", "count", "people", ["家族支援 参加家族数", "Families reached"], ["家族支援の行事に参加した家族の合計。", "Families reached by the family support sessions."], { records: "event", direction: "higher" }),
  def("A16", "activity", "count", "times", ["24時間電話相談 延べ件数", "24-hour phone line calls"], ["委託先の月報の相談件数の合計(4月〜3月)。", "Calls in the contractor's monthly reports, April to March."], { scopes: PREFECTURE, records: "month" }),
  def("A16.night", "activity", "ratio", "percent", ["24時間電話相談 夜間・深夜の割合", "Calls at night"], ["夜間・深夜の件数／全件数。", "Evening and late-night calls, of all calls."], { scopes: PREFECTURE, records: "month" }),
  def("A17", "activity", "count", "people", ["ホステル 利用者実数", "Hostel users"], ["年度の利用者実数。月報の利用者数は足し合わせられないため、県が年度ごとに入力します。", "Unique users of the year; monthly users cannot be summed, so the prefecture enters it per year."], { scopes: PREFECTURE, countsPersons: true }),
  def("A17.nights", "activity", "count", "nights", ["ホステル 延べ利用泊数", "Hostel nights"], ["月報の泊数の合計(目的別)。", "Nights in the monthly reports, by purpose."], { scopes: PREFECTURE, records: "month" }),
  def("A17.occupancy", "activity", "ratio", "percent", ["ホステル 稼働率", "Hostel occupancy"], ["延べ泊数／(居室数×日数)。", "Nights ÷ (rooms × days)."], { scopes: PREFECTURE, records: "month" }),

  // --- Case outcomes (§8.4): 本事業独自指標 --------------------------------------------
  def("C1", "case", "count", "people", ["地域移行支援 対象者実数", "People supported (discharge support)"], ["年度内に支援した実人数(新規：年度内に支援開始／継続：前年度以前に開始)。", "People supported in the year, unduplicated (new / continuing)."], { records: "case", countsPersons: true, ownMeasure: true }),
  def("C2", "case", "count", "people", ["年度内退院者数(支援対象者)", "Discharged in the year"], ["支援対象者のうち年度内に退院した者。", "Supported people discharged in the year."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C3", "case", "count", "people", ["うち1年以上入院からの退院者数", "of whom after a stay of 1 year or more"], ["C2のうち、入院から退院まで365日以上の者。", "C2 cases whose stay was 365 days or more."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C4", "case", "ratio", "percent", ["支援対象者の年度内退院率", "Discharged in the year, of those in hospital"], ["C2／年度内に支援し、年度開始時点で入院中だった(または年度内に支援開始した)者。", "C2 ÷ cases supported in the year who had not been discharged before it."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C5.3m", "case", "ratio", "percent", ["支援開始後3か月時点の退院率", "Discharged within 3 months of support"], ["年度内に支援開始した者のうち、開始から3か月以内に退院した者の割合。全員の3か月が経過してから算出します。", "Of cases whose support started in the year, the share discharged within 3 months; computed once 3 months have passed for all."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C5.6m", "case", "ratio", "percent", ["支援開始後6か月時点の退院率", "Discharged within 6 months of support"], ["同上、6か月。", "As above, 6 months."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C5.12m", "case", "ratio", "percent", ["支援開始後12か月時点の退院率", "Discharged within 12 months of support"], ["同上、12か月。", "As above, 12 months."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C6", "case", "count", "people", ["退院先内訳", "Discharge destinations"], ["年度内退院者の退院先別の人数。", "Cases discharged in the year, by destination."], { records: "case", countsPersons: true, ownMeasure: true }),
  def("C7", "case", "mean", "days", ["退院後1年以内の地域生活日数(平均)", "Days in the community in the year after discharge"], ["年度内に退院した者ごとに、退院翌日から365日のうち再入院していない日数の平均(再入院の日は入院日として数える。1年内の死亡は除く)。全員の1年が経過してから算出します。NDBの平均生活日数とは比較できません。", "Mean over cases discharged in the year of the 365 days after discharge not spent readmitted (the day of readmission counts as in hospital; deaths within the year excluded); computed once a year has passed for all. Not comparable with the NDB measure."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C8.90", "case", "ratio", "percent", ["再入院率(1か月超) 90日", "Readmitted within 90 days (stay over a month)"], ["年度内に退院した者(死亡退院と期間内の死亡を除く)のうち、退院後90日以内に始まり、30泊を超えた(または30泊を超えて継続中の)再入院がある者の割合。", "Of cases discharged alive in the year (deaths within the window excluded), the share with a readmission starting within 90 days that lasted more than 30 nights (or is still going on after 30)."], { records: "case", countsPersons: true, ownMeasure: true, direction: "lower" }),
  def("C8.180", "case", "ratio", "percent", ["再入院率(1か月超) 180日", "Readmitted within 180 days (stay over a month)"], ["同上、180日。", "As above, 180 days."], { records: "case", countsPersons: true, ownMeasure: true, direction: "lower" }),
  def("C8.365", "case", "ratio", "percent", ["再入院率(1か月超) 365日", "Readmitted within 365 days (stay over a month)"], ["同上、365日。", "As above, 365 days."], { records: "case", countsPersons: true, ownMeasure: true, direction: "lower" }),
  def("C9", "case", "median", "days", ["支援期間(中央値)", "Support to discharge (median)"], ["年度内退院者の、支援開始から退院までの日数の中央値。", "Median days from support start to discharge, over the year's discharges."], { records: "case", countsPersons: true, ownMeasure: true }),
  def("C10", "case", "count", "times", ["体験宿泊・試験外泊 実施件数", "Trial stays"], ["年度内に始まった体験宿泊・試験外泊・体験利用の件数。", "Trial stays begun in the year."], { records: "case", ownMeasure: true, direction: "higher" }),
  def("C10.nights", "case", "count", "nights", ["体験宿泊・試験外泊 泊数", "Trial stay nights"], ["年度内に始まった体験宿泊等の泊数の合計。", "Nights of the trial stays begun in the year."], { records: "case", ownMeasure: true }),
  def("C11", "case", "count", "cases", ["退院後支援計画(自治体GL) 作成件数", "Post-discharge plans (guideline)"], ["年度内に作成(提案)された退院後支援計画の件数。", "Post-discharge support plans created (proposed) in the year."], { records: "case", ownMeasure: true, direction: "higher" }),
  def("C11.consent", "case", "ratio", "percent", ["退院後支援計画 同意取得率", "Post-discharge plans: consent"], ["C11のうち回答が出たもの(提案中を除く)に占める、同意を得たものの割合。", "Of the C11 plans answered (not still proposed), the share with consent."], { records: "case", ownMeasure: true, direction: "higher" }),
  def("C11.ended_in_period", "case", "ratio", "percent", ["退院後支援計画 期間内終了率", "Post-discharge plans ended within their period"], ["年度内に終了した計画のうち、計画期間の終了日までに終了したものの割合。", "Of plans ended in the year, the share that ended by their period's end."], { records: "case", ownMeasure: true, direction: "higher" }),
  def("C12", "case", "ratio", "percent", ["ピア関与ケース割合", "Cases with peer involvement"], ["年度内に支援したケース(C1の対象のケース)のうち、年度内に実施したピアサポーター派遣が紐づくケースの割合(人ではなくケースで数えます)。", "Of the cases supported in the year (C1's cases), the share linked to a dispatch done in the year (counted in cases, not people)."], { records: "case", countsPersons: true, ownMeasure: true, direction: "higher" }),
  def("C13", "case", "ratio", "percent", ["フォローアップ把握率", "Follow-ups done on time"], ["年度内に期日が来たフォローアップのうち、期日から30日以内に状況を記録したものの割合。期日から30日たっていないものは数えません。", "Of follow-ups due in the year, the share recorded within 30 days of the due date; those due less than 30 days ago are not counted."], { records: "case", ownMeasure: true, direction: "higher" }),
];

export type IndicatorCode = string;

const BY_CODE = new Map(INDICATORS.map((d) => [d.code, d]));

export function indicatorDefinition(code: string): IndicatorDefinition | null {
  return BY_CODE.get(code) ?? null;
}

export function isIndicatorCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The indicators computed for a scope level, in registry order. */
export function indicatorsForScope(level: ScopeLevel, group?: IndicatorDefinition["group"]): IndicatorDefinition[] {
  return INDICATORS.filter((d) => d.scopes.includes(level) && (!group || d.group === group));
}
