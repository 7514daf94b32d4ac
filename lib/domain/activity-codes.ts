/**
 * Code lists of the offices' and the prefecture's other yearly work: 協議の場, meetings,
 * trainings, awareness and family-support events, and the commissioned services' monthly
 * figures (domain brief §6). Each code keeps its Japanese label here, once.
 */
import { keysOf, type Label } from "./codes";

/** Level of a 協議の場 (the council of health, medical and welfare sectors). */
export const KYOGI_LEVEL_LABELS = {
  prefecture: { ja: "都道府県", en: "Prefecture" },
  region: { ja: "障害保健福祉圏域", en: "Region" },
  municipality: { ja: "市町村", en: "Municipality" },
} as const satisfies Record<string, Label>;
export type KyogiLevel = keyof typeof KYOGI_LEVEL_LABELS;
export const KYOGI_LEVELS = keysOf(KYOGI_LEVEL_LABELS);

/** How a municipality runs its 協議の場. */
export const KYOGI_FORM_LABELS = {
  single: { ja: "単独設置", en: "Own council" },
  joint: { ja: "複数市町村共同", en: "Joint with other municipalities" },
  jiritsu_subcommittee: { ja: "自立支援協議会部会活用", en: "Subcommittee of the support council" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type KyogiForm = keyof typeof KYOGI_FORM_LABELS;
export const KYOGI_FORMS = keysOf(KYOGI_FORM_LABELS);

export const MEETING_KIND_LABELS = {
  kyogi: { ja: "協議の場", en: "Council (kyogi no ba)" },
  chiiki_ikou_suishin: { ja: "地域移行推進検討会", en: "Community transition review meeting" },
  ken_suishin_kaigi: { ja: "県地域生活移行推進会議", en: "Prefectural community-living transition meeting" },
  region_liaison: { ja: "圏域連絡調整会議", en: "Regional liaison meeting" },
  core_member: { ja: "コアメンバー連絡会", en: "Core member meeting" },
  hc_staff_liaison: { ja: "保健所・支所担当者連絡会", en: "Health-centre staff liaison meeting" },
  case_review: { ja: "事例検討会", en: "Case review meeting" },
  outreach_case_review: { ja: "アウトリーチ事例検討会", en: "Outreach case review" },
  outreach_liaison: { ja: "アウトリーチ事業支援者連絡会議", en: "Outreach supporters' liaison meeting" },
  outreach_evaluation: { ja: "アウトリーチ評価検討委員会", en: "Outreach evaluation committee" },
  jiritsu_council: { ja: "(自立支援)協議会", en: "Disability support council" },
  jiritsu_mh_subcommittee: { ja: "(自立支援)協議会 精神部会", en: "Support council, mental health subcommittee" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type MeetingKind = keyof typeof MEETING_KIND_LABELS;
export const MEETING_KINDS = keysOf(MEETING_KIND_LABELS);

/** Attendance sectors: the national 活動指標 breakdown. */
export const SECTOR_LABELS = {
  health: { ja: "保健", en: "Public health" },
  medical_psych: { ja: "医療(精神科)", en: "Medical (psychiatry)" },
  medical_other: { ja: "医療(その他)", en: "Medical (other)" },
  welfare: { ja: "福祉", en: "Welfare" },
  care: { ja: "介護", en: "Long-term care" },
  person: { ja: "当事者", en: "People with lived experience" },
  peer: { ja: "ピアサポーター", en: "Peer supporters" },
  family: { ja: "家族", en: "Families" },
  housing: { ja: "居住支援", en: "Housing support" },
  government: { ja: "行政", en: "Government" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type Sector = keyof typeof SECTOR_LABELS;
export const SECTORS = keysOf(SECTOR_LABELS);

export const TRAINING_KIND_LABELS = {
  jinzai_ikusei: { ja: "人材育成研修", en: "Workforce development training" },
  chiiki_ikou_teichaku: { ja: "地域移行・地域定着研修", en: "Community transition and settlement training" },
  central: { ja: "中央研修会", en: "Central training" },
  peer_yousei: { ja: "ピアサポーター養成研修", en: "Peer supporter training" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type TrainingKind = keyof typeof TRAINING_KIND_LABELS;
export const TRAINING_KINDS = keysOf(TRAINING_KIND_LABELS);

/** Who a training was for: the whole prefecture, a region (圏域), or one office's area. */
export const TRAINING_SCOPE_LABELS = {
  prefecture: { ja: "県全域", en: "Prefecture-wide" },
  region: { ja: "圏域", en: "Region" },
  office: { ja: "保健所・支所圏域", en: "Health-centre area" },
} as const satisfies Record<string, Label>;
export type TrainingScope = keyof typeof TRAINING_SCOPE_LABELS;
export const TRAINING_SCOPES = keysOf(TRAINING_SCOPE_LABELS);

export const PROFESSION_LABELS = {
  doctor: { ja: "医師", en: "Doctor" },
  nurse: { ja: "看護師", en: "Nurse" },
  phn: { ja: "保健師", en: "Public health nurse" },
  psw: { ja: "精神保健福祉士", en: "Psychiatric social worker" },
  ot: { ja: "作業療法士", en: "Occupational therapist" },
  cp: { ja: "公認心理師", en: "Certified psychologist" },
  soudan: { ja: "相談支援専門員", en: "Consultation support specialist" },
  care_manager: { ja: "介護支援専門員", en: "Care manager" },
  municipal: { ja: "市町村職員", en: "Municipal staff" },
  peer: { ja: "ピアサポーター", en: "Peer supporter" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type Profession = keyof typeof PROFESSION_LABELS;
export const PROFESSIONS = keysOf(PROFESSION_LABELS);

export const EVENT_KIND_LABELS = {
  awareness: { ja: "普及啓発", en: "Awareness" },
  family_support: { ja: "家族支援", en: "Family support" },
} as const satisfies Record<string, Label>;
export type EventKind = keyof typeof EVENT_KIND_LABELS;
export const EVENT_KINDS = keysOf(EVENT_KIND_LABELS);

/** Subtypes per event kind; `EVENT_SUBTYPES_BY_KIND` says which belong to which. */
export const EVENT_SUBTYPE_LABELS = {
  seminar: { ja: "講演会・セミナー", en: "Seminar" },
  lecture: { ja: "出前講座", en: "Outreach lecture" },
  forum: { ja: "フォーラム", en: "Forum" },
  exchange: { ja: "病院・地域交流事業", en: "Hospital–community exchange" },
  campaign: { ja: "キャンペーン・広報", en: "Campaign" },
  study_session: { ja: "学習会", en: "Study session" },
  family_class: { ja: "家族教室", en: "Family class" },
  family_group_support: { ja: "家族会支援", en: "Family association support" },
  family_consultation: { ja: "個別家族相談", en: "Individual family consultation" },
} as const satisfies Record<string, Label>;
export type EventSubtype = keyof typeof EVENT_SUBTYPE_LABELS;
export const EVENT_SUBTYPES = keysOf(EVENT_SUBTYPE_LABELS);
export const EVENT_SUBTYPES_BY_KIND: Readonly<Record<EventKind, readonly EventSubtype[]>> = {
  awareness: ["seminar", "lecture", "forum", "exchange", "campaign"],
  family_support: ["study_session", "family_class", "family_group_support", "family_consultation"],
};

/** Breakdowns of the 24-hour phone line's monthly report (OK 地域移行促進センター事業). */
export const PHONE_TIME_BAND_LABELS = {
  day: { ja: "日中", en: "Daytime" },
  night: { ja: "夜間", en: "Evening" },
  late_night: { ja: "深夜", en: "Late night" },
} as const satisfies Record<string, Label>;
export type PhoneTimeBand = keyof typeof PHONE_TIME_BAND_LABELS;
export const PHONE_TIME_BANDS = keysOf(PHONE_TIME_BAND_LABELS);

export const PHONE_CALLER_LABELS = {
  self: { ja: "本人", en: "The person" },
  family: { ja: "家族", en: "Family" },
  agency: { ja: "関係機関", en: "Agency" },
} as const satisfies Record<string, Label>;
export type PhoneCaller = keyof typeof PHONE_CALLER_LABELS;
export const PHONE_CALLERS = keysOf(PHONE_CALLER_LABELS);

export const PHONE_TOPIC_LABELS = {
  symptoms: { ja: "病状", en: "Symptoms" },
  medication: { ja: "服薬", en: "Medication" },
  daily_life: { ja: "生活", en: "Daily life" },
  relationships: { ja: "対人関係", en: "Relationships" },
  anxiety: { ja: "不安・話し相手", en: "Anxiety, someone to talk to" },
  systems: { ja: "制度", en: "Services and systems" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type PhoneTopic = keyof typeof PHONE_TOPIC_LABELS;
export const PHONE_TOPICS = keysOf(PHONE_TOPIC_LABELS);

export const PHONE_RESPONSE_LABELS = {
  advice: { ja: "助言・傾聴", en: "Advice, listening" },
  referral: { ja: "機関紹介", en: "Referral" },
  emergency: { ja: "緊急対応", en: "Emergency response" },
} as const satisfies Record<string, Label>;
export type PhoneResponse = keyof typeof PHONE_RESPONSE_LABELS;
export const PHONE_RESPONSES = keysOf(PHONE_RESPONSE_LABELS);

/** Hostel (ホステル事業) stay purposes: ①一時休息 ②一時避難 ③試験外泊. */
export const HOSTEL_PURPOSE_LABELS = {
  rest: { ja: "一時休息", en: "Respite" },
  refuge: { ja: "一時避難", en: "Refuge" },
  trial_stay: { ja: "試験外泊", en: "Trial stay from hospital" },
} as const satisfies Record<string, Label>;
export type HostelPurpose = keyof typeof HOSTEL_PURPOSE_LABELS;
export const HOSTEL_PURPOSES = keysOf(HOSTEL_PURPOSE_LABELS);
