/**
 * The 基本情報 block of the 自治体情報シート, row by row as both seed sheets lay it out. Each row
 * names the indicator that gives its figure and how its reference date (時点) is labelled; the
 * page, the XLSX and the CSV all print this one list, so they cannot disagree.
 */
import type { Label } from "@/lib/domain/codes";

/**
 * How a row's 時点 is worded:
 * - sheetDate: the day the sheet is made, 1 April after the year (「R4年4月時点」): the org tree;
 * - source: the reference date or cohort of the statistic in force (「R3年6月時点」, 「H30年」);
 * - fiscalYear: the year itself (「R3年度」);
 * - kyogi: the year, or 1 April after it when the prefecture reports its 協議の場 that way.
 */
export type AsOfRule = "sheetDate" | "source" | "fiscalYear" | "kyogi";

export type BasicRow = {
  key: string;
  label: Label;
  /** The indicator whose figure the row prints. */
  code: string;
  unit: Label;
  asOf: AsOfRule;
  /** A row printed under the one before (the 630 buckets, the rates, the office kinds). */
  indent?: boolean;
  /** Print the share of the group's total (構成割合) beside the figure. */
  share?: boolean;
  /** A heading row that groups the rows under it. */
  group?: Label;
};

const u = (ja: string, en: string): Label => ({ ja, en });

export const BASIC_ROWS: readonly BasicRow[] = [
  { key: "region_count", label: u("障害保健福祉圏域数", "Regions"), code: "B.regions", unit: u("か所", "regions"), asOf: "sheetDate" },
  { key: "municipality_count", label: u("市町村数", "Municipalities"), code: "B.municipalities", unit: u("市町村", "municipalities"), asOf: "sheetDate" },
  { key: "population", label: u("人口", "Population"), code: "B.population", unit: u("人", "people"), asOf: "source" },
  { key: "psych_hospital_count", label: u("精神科病院の数", "Psychiatric hospitals"), code: "B.psych_hospitals", unit: u("病院", "hospitals"), asOf: "source" },
  { key: "psych_bed_count", label: u("精神科病床数", "Psychiatric beds"), code: "B.psych_beds", unit: u("床", "beds"), asOf: "source" },
  { key: "inpatients_total", group: u("入院精神障害者数", "Psychiatric inpatients"), label: u("合計", "Total"), code: "B.inpatients", unit: u("人", "people"), asOf: "source" },
  { key: "inpatients_lt3m", label: u("3か月未満（％：構成割合）", "Under 3 months (share)"), code: "B.inpatients.lt3m", unit: u("人", "people"), asOf: "source", indent: true, share: true },
  { key: "inpatients_3to12m", label: u("3か月以上1年未満（％：構成割合）", "3 to 12 months (share)"), code: "B.inpatients.3to12m", unit: u("人", "people"), asOf: "source", indent: true, share: true },
  { key: "inpatients_ge1y", label: u("1年以上（％：構成割合）", "1 year or more (share)"), code: "B.inpatients.ge1y", unit: u("人", "people"), asOf: "source", indent: true, share: true },
  { key: "inpatients_ge1y_u65", label: u("うち65歳未満", "of which under 65"), code: "B.inpatients.ge1y.u65", unit: u("人", "people"), asOf: "source", indent: true },
  { key: "inpatients_ge1y_65plus", label: u("うち65歳以上", "of which 65 and over"), code: "B.inpatients.ge1y.65plus", unit: u("人", "people"), asOf: "source", indent: true },
  { key: "discharge_rate_3m", group: u("退院率", "Discharge rates"), label: u("入院後3か月時点", "At 3 months"), code: "B.discharge.3m", unit: u("％", "%"), asOf: "source", indent: true },
  { key: "discharge_rate_6m", label: u("入院後6か月時点", "At 6 months"), code: "B.discharge.6m", unit: u("％", "%"), asOf: "source", indent: true },
  { key: "discharge_rate_12m", label: u("入院後1年時点", "At 1 year"), code: "B.discharge.12m", unit: u("％", "%"), asOf: "source", indent: true },
  { key: "kikan_soudan_center_count", group: u("相談支援事業所数", "Consultation support offices"), label: u("基幹相談支援センター数", "Core centres"), code: "B.kikan_centers", unit: u("か所", "centres"), asOf: "source", indent: true },
  { key: "ippan_soudan_office_count", label: u("一般相談支援事業所数", "General offices"), code: "B.ippan_offices", unit: u("か所", "offices"), asOf: "source", indent: true },
  { key: "tokutei_soudan_office_count", label: u("特定相談支援事業所数", "Specified offices"), code: "B.tokutei_offices", unit: u("か所", "offices"), asOf: "source", indent: true },
  { key: "health_center_count", label: u("保健所数", "Health centres"), code: "B.health_centers", unit: u("か所", "offices"), asOf: "sheetDate" },
  { key: "jiritsu_council_freq", group: u("（自立支援）協議会", "Support council"), label: u("（自立支援）協議会の開催頻度", "Meetings a year"), code: "B.jiritsu_council", unit: u("回／年", "a year"), asOf: "fiscalYear", indent: true },
  { key: "jiritsu_council_mh_subcommittee", label: u("精神領域に関する議論を行う部会の有無", "Mental-health subcommittee"), code: "B.jiritsu_mh_subcommittee", unit: u("", ""), asOf: "fiscalYear", indent: true },
  { key: "kyogi_pref", group: u("保健・医療・福祉関係者による協議の場の設置状況", "Councils of health, medical and welfare sectors"), label: u("都道府県", "Prefecture"), code: "B.kyogi.prefecture", unit: u("か所", "places"), asOf: "kyogi", indent: true },
  { key: "kyogi_region", label: u("障害保健福祉圏域", "Regions"), code: "B.kyogi.region", unit: u("か所／障害圏域数", "of the regions"), asOf: "kyogi", indent: true },
  { key: "kyogi_municipality", label: u("市町村", "Municipalities"), code: "B.kyogi.municipality", unit: u("か所／市町村数", "of the municipalities"), asOf: "kyogi", indent: true },
];
