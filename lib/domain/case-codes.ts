/**
 * Code lists of the discharge-support case (地域移行支援ケース), domain brief §3.4.
 * Each code keeps its Japanese label here, once.
 */
import { keysOf, type Label } from "./codes";

export const PHASE_LABELS = {
  identified: { ja: "対象者把握", en: "Identified" },
  assessment: { ja: "アセスメント", en: "Assessment" },
  engagement: { ja: "関係づくり", en: "Engagement" },
  preparation: { ja: "退院準備", en: "Discharge preparation" },
  discharged: { ja: "退院", en: "Discharged" },
  settling: { ja: "地域定着", en: "Settling in the community" },
  closed: { ja: "終結", en: "Closed" },
  suspended: { ja: "中断", en: "Suspended" },
} as const satisfies Record<string, Label>;
export type Phase = keyof typeof PHASE_LABELS;
export const PHASES = keysOf(PHASE_LABELS);

export const REFERRAL_SOURCE_LABELS = {
  hospital_psw: { ja: "精神科病院(PSW・退院後生活環境相談員)", en: "Psychiatric hospital (PSW)" },
  self: { ja: "本人", en: "The person" },
  family: { ja: "家族", en: "Family" },
  municipality: { ja: "市町村", en: "Municipality" },
  health_center: { ja: "保健所", en: "Health centre" },
  mhwc: { ja: "精神保健福祉センター", en: "Mental health and welfare centre" },
  soudan_office: { ja: "相談支援事業所", en: "Consultation support office" },
  welfare_office_cw: { ja: "福祉事務所(生活保護CW)", en: "Welfare office (caseworker)" },
  peer: { ja: "ピアサポーター", en: "Peer supporter" },
  hospital_survey: { ja: "長期入院者調査・病院訪問による把握", en: "Long-stay survey / hospital visit" },
  forensic: { ja: "保護観察所(医療観察法)", en: "Probation office (forensic)" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type ReferralSource = keyof typeof REFERRAL_SOURCE_LABELS;
export const REFERRAL_SOURCES = keysOf(REFERRAL_SOURCE_LABELS);

export const WARD_TYPE_LABELS = {
  psych_acute: { ja: "精神科救急・急性期", en: "Acute psychiatric" },
  psych_general: { ja: "精神病棟入院基本料", en: "General psychiatric ward" },
  psych_recuperation: { ja: "精神療養病棟", en: "Psychiatric recuperation ward" },
  dementia: { ja: "認知症治療病棟", en: "Dementia ward" },
  community_transition: { ja: "地域移行機能強化病棟", en: "Community-transition ward" },
  psych_community_care: { ja: "精神科地域包括ケア病棟", en: "Psychiatric community-care ward" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type WardType = keyof typeof WARD_TYPE_LABELS;
export const WARD_TYPES = keysOf(WARD_TYPE_LABELS);

export const ADMISSION_TYPE_LABELS = {
  voluntary: { ja: "任意入院", en: "Voluntary" },
  medical_protection: { ja: "医療保護入院", en: "Medical protection" },
  involuntary_measures: { ja: "措置入院", en: "Involuntary (措置)" },
  emergency_measures: { ja: "緊急措置入院", en: "Emergency involuntary" },
  urgent: { ja: "応急入院", en: "Urgent" },
  forensic: { ja: "医療観察法入院", en: "Forensic" },
  unknown: { ja: "不明", en: "Unknown" },
} as const satisfies Record<string, Label>;
export type AdmissionType = keyof typeof ADMISSION_TYPE_LABELS;
export const ADMISSION_TYPES = keysOf(ADMISSION_TYPE_LABELS);

export const DATE_PRECISION_LABELS = {
  day: { ja: "日まで判明", en: "Exact day" },
  month: { ja: "年月のみ判明", en: "Month known" },
  year: { ja: "年のみ判明", en: "Year known" },
} as const satisfies Record<string, Label>;
export type DatePrecision = keyof typeof DATE_PRECISION_LABELS;
export const DATE_PRECISIONS = keysOf(DATE_PRECISION_LABELS);

export const DIAGNOSIS_GROUP_LABELS = {
  F0: { ja: "F0 症状性を含む器質性精神障害", en: "F0 Organic" },
  F1: { ja: "F1 精神作用物質による障害", en: "F1 Substance use" },
  F2: { ja: "F2 統合失調症圏", en: "F2 Schizophrenia spectrum" },
  F3: { ja: "F3 気分障害", en: "F3 Mood disorders" },
  F4: { ja: "F4 神経症性障害", en: "F4 Neurotic disorders" },
  F5: { ja: "F5 生理的障害", en: "F5 Physiological" },
  F6: { ja: "F6 パーソナリティ障害", en: "F6 Personality" },
  F7: { ja: "F7 知的障害", en: "F7 Intellectual disability" },
  F8: { ja: "F8 発達障害", en: "F8 Developmental" },
  F9: { ja: "F9 小児期・青年期の障害", en: "F9 Childhood onset" },
  G40: { ja: "G40 てんかん", en: "G40 Epilepsy" },
  unknown: { ja: "不明", en: "Unknown" },
} as const satisfies Record<string, Label>;
export type DiagnosisGroup = keyof typeof DIAGNOSIS_GROUP_LABELS;
export const DIAGNOSIS_GROUPS = keysOf(DIAGNOSIS_GROUP_LABELS);

export const TECHO_GRADE_LABELS = {
  grade1: { ja: "1級", en: "Grade 1" },
  grade2: { ja: "2級", en: "Grade 2" },
  grade3: { ja: "3級", en: "Grade 3" },
  none: { ja: "なし", en: "None" },
  applying: { ja: "申請中", en: "Applied" },
  unknown: { ja: "不明", en: "Unknown" },
} as const satisfies Record<string, Label>;
export type TechoGrade = keyof typeof TECHO_GRADE_LABELS;
export const TECHO_GRADES = keysOf(TECHO_GRADE_LABELS);

export const SUPPORT_CATEGORY_LABELS = {
  not_applicable: { ja: "非該当", en: "Not applicable" },
  level1: { ja: "区分1", en: "Level 1" },
  level2: { ja: "区分2", en: "Level 2" },
  level3: { ja: "区分3", en: "Level 3" },
  level4: { ja: "区分4", en: "Level 4" },
  level5: { ja: "区分5", en: "Level 5" },
  level6: { ja: "区分6", en: "Level 6" },
  not_applied: { ja: "未申請", en: "Not applied" },
} as const satisfies Record<string, Label>;
export type SupportCategory = keyof typeof SUPPORT_CATEGORY_LABELS;
export const SUPPORT_CATEGORIES = keysOf(SUPPORT_CATEGORY_LABELS);

export const CONSENT_SCOPE_LABELS = {
  support_and_sharing: { ja: "支援及び関係機関との情報共有", en: "Support and information sharing" },
  support_only: { ja: "支援のみ", en: "Support only" },
  verbal: { ja: "口頭同意(書面未取得)", en: "Verbal only" },
} as const satisfies Record<string, Label>;
export type ConsentScope = keyof typeof CONSENT_SCOPE_LABELS;
export const CONSENT_SCOPES = keysOf(CONSENT_SCOPE_LABELS);

export const DISCHARGE_DESTINATION_LABELS = {
  home_alone: { ja: "自宅(単身)", en: "Home (alone)" },
  home_family: { ja: "自宅(家族同居)", en: "Home (with family)" },
  rental_apartment: { ja: "民間賃貸アパート(単身)", en: "Rented flat (alone)" },
  public_housing: { ja: "公営住宅", en: "Public housing" },
  group_home: { ja: "グループホーム(共同生活援助)", en: "Group home" },
  residential_training: { ja: "宿泊型自立訓練", en: "Residential training" },
  disability_facility: { ja: "障害者支援施設", en: "Disability support facility" },
  elderly_facility_ltc: { ja: "介護保険施設(特養・老健・介護医療院)", en: "Long-term care facility" },
  elderly_housing: { ja: "有料老人ホーム・サ高住", en: "Elderly housing" },
  relief_facility: { ja: "救護施設等", en: "Relief facility" },
  transfer_psych: { ja: "転院(精神科)", en: "Transfer (psychiatric)" },
  transfer_other: { ja: "転院(身体科)", en: "Transfer (physical)" },
  death: { ja: "死亡退院", en: "Death" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type DischargeDestination = keyof typeof DISCHARGE_DESTINATION_LABELS;
export const DISCHARGE_DESTINATIONS = keysOf(DISCHARGE_DESTINATION_LABELS);

export const LIVING_ARRANGEMENT_LABELS = {
  alone: { ja: "単身", en: "Alone" },
  with_family: { ja: "家族同居", en: "With family" },
  group_home: { ja: "グループホーム", en: "Group home" },
  facility: { ja: "施設", en: "Facility" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type LivingArrangement = keyof typeof LIVING_ARRANGEMENT_LABELS;
export const LIVING_ARRANGEMENTS = keysOf(LIVING_ARRANGEMENT_LABELS);

export const END_REASON_LABELS = {
  settled: { ja: "地域定着・目標達成", en: "Settled, goals met" },
  handed_over: { ja: "他機関へ引継", en: "Handed over" },
  withdrew: { ja: "本人の意向で終了", en: "Ended at the person's wish" },
  condition_worsened: { ja: "病状悪化で中断", en: "Ended: condition worsened" },
  long_term_care: { ja: "介護施設等へ", en: "Moved to long-term care" },
  transferred_out: { ja: "転出", en: "Moved away" },
  death: { ja: "死亡", en: "Death" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type EndReason = keyof typeof END_REASON_LABELS;
export const END_REASONS = keysOf(END_REASON_LABELS);

export const SEX_LABELS = {
  male: { ja: "男性", en: "Male" },
  female: { ja: "女性", en: "Female" },
  other: { ja: "その他", en: "Other" },
  unknown: { ja: "不明", en: "Unknown" },
} as const satisfies Record<string, Label>;
export type Sex = keyof typeof SEX_LABELS;
export const SEXES = keysOf(SEX_LABELS);

export const ACTIVITY_TYPE_LABELS = {
  ward_visit: { ja: "面会", en: "Ward visit" },
  inhospital_care_meeting: { ja: "院内ケア会議", en: "In-hospital care meeting" },
  individual_support_meeting: { ja: "個別支援会議", en: "Individual support meeting" },
  outing_accompany: { ja: "外出同行", en: "Accompanied outing" },
  housing_viewing: { ja: "住居見学", en: "Housing viewing" },
  trial_use_accompany: { ja: "体験利用同行", en: "Accompanied trial use" },
  office_procedure_accompany: { ja: "役所手続同行", en: "Accompanied paperwork" },
  phone: { ja: "電話", en: "Phone" },
  family_interview: { ja: "家族面談", en: "Family interview" },
  discharge_committee: { ja: "退院支援委員会出席", en: "Discharge committee" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type ActivityType = keyof typeof ACTIVITY_TYPE_LABELS;
export const ACTIVITY_TYPES = keysOf(ACTIVITY_TYPE_LABELS);

export const TRIAL_STAY_KIND_LABELS = {
  experience_stay: { ja: "体験宿泊", en: "Trial overnight stay" },
  trial_leave: { ja: "試験外泊", en: "Trial leave (medical)" },
  experience_use: { ja: "体験利用", en: "Trial day service" },
} as const satisfies Record<string, Label>;
export type TrialStayKind = keyof typeof TRIAL_STAY_KIND_LABELS;
export const TRIAL_STAY_KINDS = keysOf(TRIAL_STAY_KIND_LABELS);

export const TRIAL_PLACE_LABELS = {
  group_home: { ja: "グループホーム", en: "Group home" },
  trial_room: { ja: "一人暮らし体験室", en: "Living-alone trial room" },
  hostel: { ja: "ホステル", en: "Hostel" },
  home: { ja: "自宅", en: "Home" },
  residential_training: { ja: "宿泊型自立訓練", en: "Residential training" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type TrialPlace = keyof typeof TRIAL_PLACE_LABELS;
export const TRIAL_PLACES = keysOf(TRIAL_PLACE_LABELS);

export const TRIAL_OUTCOME_LABELS = {
  as_planned: { ja: "予定通り", en: "As planned" },
  returned_early: { ja: "途中帰院", en: "Returned early" },
  cancelled: { ja: "中止", en: "Cancelled" },
} as const satisfies Record<string, Label>;
export type TrialOutcome = keyof typeof TRIAL_OUTCOME_LABELS;
export const TRIAL_OUTCOMES = keysOf(TRIAL_OUTCOME_LABELS);

export const CARE_PLAN_TYPE_LABELS = {
  chiiki_iko: { ja: "地域移行支援計画", en: "Community-transition support plan" },
  service_use: { ja: "サービス等利用計画", en: "Service use plan" },
  hospital_discharge: { ja: "退院支援計画(病院)", en: "Hospital discharge plan" },
  post_discharge_gl: { ja: "退院後支援計画(自治体GL)", en: "Post-discharge support plan (guideline)" },
} as const satisfies Record<string, Label>;
export type CarePlanType = keyof typeof CARE_PLAN_TYPE_LABELS;
export const CARE_PLAN_TYPES = keysOf(CARE_PLAN_TYPE_LABELS);

export const CARE_PLAN_STATUS_LABELS = {
  /** Offered to the person, no answer yet (the GL plan needs consent: C11 counts proposals). */
  proposed: { ja: "提案中", en: "Proposed" },
  /** The person declined the plan (同意拒否); no plan is made, support may still go on. */
  consent_refused: { ja: "同意拒否", en: "Consent refused" },
  drafting: { ja: "作成中", en: "Drafting" },
  active: { ja: "実施中", en: "Active" },
  extended: { ja: "延長中", en: "Extended" },
  ended: { ja: "終了", en: "Ended" },
  consent_withdrawn: { ja: "同意撤回", en: "Consent withdrawn" },
  moved_out: { ja: "転出", en: "Moved away" },
} as const satisfies Record<string, Label>;
export type CarePlanStatus = keyof typeof CARE_PLAN_STATUS_LABELS;
export const CARE_PLAN_STATUSES = keysOf(CARE_PLAN_STATUS_LABELS);

export const FOLLOW_UP_STATUS_LABELS = {
  living_in_community: { ja: "地域生活継続", en: "Living in the community" },
  readmitted: { ja: "再入院中", en: "Readmitted" },
  deceased: { ja: "死亡", en: "Deceased" },
  moved: { ja: "転居", en: "Moved" },
  unreachable: { ja: "連絡不能", en: "Unreachable" },
} as const satisfies Record<string, Label>;
export type FollowUpStatus = keyof typeof FOLLOW_UP_STATUS_LABELS;
export const FOLLOW_UP_STATUSES = keysOf(FOLLOW_UP_STATUS_LABELS);

/** Months after discharge at which the follow-up checks fall due. */
export const FOLLOW_UP_OFFSETS = [1, 3, 6, 12] as const;
export type FollowUpOffset = (typeof FOLLOW_UP_OFFSETS)[number];

/** The code lists of a case's own intake fields, by field name: the case form, the case page and the import read them. */
export const CASE_FIELD_CODES = {
  referralSource: REFERRAL_SOURCE_LABELS,
  wardType: WARD_TYPE_LABELS,
  admissionDatePrecision: DATE_PRECISION_LABELS,
  admissionType: ADMISSION_TYPE_LABELS,
  diagnosisGroup: DIAGNOSIS_GROUP_LABELS,
  techoGrade: TECHO_GRADE_LABELS,
  supportCategory: SUPPORT_CATEGORY_LABELS,
  consentScope: CONSENT_SCOPE_LABELS,
} as const;
