/**
 * Code lists of outreach (アウトリーチ, 地域包括ケア型精神科在宅支援事業), domain brief §5.
 * Each code keeps its Japanese label here, once.
 */
import { keysOf, type Label } from "./codes";

export const OUTREACH_STATUS_LABELS = {
  referred: { ja: "選定前", en: "Referred" },
  active: { ja: "支援中", en: "Active" },
  closed: { ja: "終結", en: "Closed" },
} as const satisfies Record<string, Label>;
export type OutreachStatus = keyof typeof OUTREACH_STATUS_LABELS;
export const OUTREACH_STATUSES = keysOf(OUTREACH_STATUS_LABELS);

export const OUTREACH_TARGET_LABELS = {
  untreated: { ja: "未治療", en: "Untreated" },
  treatment_interrupted: { ja: "治療中断", en: "Treatment interrupted" },
  post_long_stay: { ja: "長期入院後の退院者", en: "Discharged after a long stay" },
  revolving_door: { ja: "入退院の反復", en: "Repeated admissions" },
  hikikomori: { ja: "ひきこもり", en: "Social withdrawal (hikikomori)" },
  other_selected: { ja: "その他協議により選定", en: "Other, selected in conference" },
} as const satisfies Record<string, Label>;
export type OutreachTarget = keyof typeof OUTREACH_TARGET_LABELS;
export const OUTREACH_TARGETS = keysOf(OUTREACH_TARGET_LABELS);

/** Who runs the visits: the prefecture's centre, a contracted hospital's team, or the office itself. */
export const OUTREACH_TEAM_KIND_LABELS = {
  mhwc: { ja: "精神保健福祉センター", en: "Mental health and welfare centre" },
  contracted_hospital: { ja: "委託医療機関", en: "Contracted hospital" },
  health_center: { ja: "保健所・支所", en: "Health centre" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type OutreachTeamKind = keyof typeof OUTREACH_TEAM_KIND_LABELS;
export const OUTREACH_TEAM_KINDS = keysOf(OUTREACH_TEAM_KIND_LABELS);

export const OUTREACH_CONTACT_TYPE_LABELS = {
  home_visit: { ja: "訪問", en: "Home visit" },
  accompany_clinic: { ja: "受診同行", en: "Accompanied clinic visit" },
  family_interview: { ja: "家族面談", en: "Family interview" },
  phone_mail: { ja: "電話・メール", en: "Phone or e-mail" },
  case_conference: { ja: "ケース会議", en: "Case conference" },
  liaison: { ja: "関係機関連絡", en: "Liaison with agencies" },
} as const satisfies Record<string, Label>;
export type OutreachContactType = keyof typeof OUTREACH_CONTACT_TYPE_LABELS;
export const OUTREACH_CONTACT_TYPES = keysOf(OUTREACH_CONTACT_TYPE_LABELS);

export const OUTREACH_PROFESSION_LABELS = {
  psychiatrist: { ja: "医師", en: "Psychiatrist" },
  nurse: { ja: "看護師", en: "Nurse" },
  phn: { ja: "保健師", en: "Public health nurse" },
  psw: { ja: "精神保健福祉士", en: "Psychiatric social worker" },
  ot: { ja: "作業療法士", en: "Occupational therapist" },
  cp: { ja: "公認心理師", en: "Certified psychologist" },
  peer: { ja: "ピアサポーター", en: "Peer supporter" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type OutreachProfession = keyof typeof OUTREACH_PROFESSION_LABELS;
export const OUTREACH_PROFESSIONS = keysOf(OUTREACH_PROFESSION_LABELS);

export const OUTREACH_OUTCOME_LABELS = {
  engaged: { ja: "関係構築", en: "Relationship built" },
  linked_to_care: { ja: "医療につながった", en: "Linked to care" },
  treatment_continued: { ja: "治療継続", en: "Treatment continued" },
  service_started: { ja: "サービス利用開始", en: "Services started" },
  handed_to_local: { ja: "地域の機関へ移行", en: "Handed to local agencies" },
  admitted_voluntary: { ja: "入院(任意)", en: "Admitted (voluntary)" },
  admitted_involuntary: { ja: "入院(非自発)", en: "Admitted (involuntary)" },
  crisis_avoided: { ja: "危機回避", en: "Crisis averted" },
  no_change: { ja: "変化なし", en: "No change" },
} as const satisfies Record<string, Label>;
export type OutreachOutcome = keyof typeof OUTREACH_OUTCOME_LABELS;
export const OUTREACH_OUTCOMES = keysOf(OUTREACH_OUTCOME_LABELS);

export const OUTREACH_END_REASON_LABELS = {
  goal_met: { ja: "目標達成", en: "Goals met" },
  handed_over: { ja: "他機関へ引継", en: "Handed over" },
  refused: { ja: "支援拒否", en: "Support refused" },
  moved: { ja: "転出", en: "Moved away" },
  admitted_long: { ja: "長期入院", en: "Long admission" },
  death: { ja: "死亡", en: "Death" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type OutreachEndReason = keyof typeof OUTREACH_END_REASON_LABELS;
export const OUTREACH_END_REASONS = keysOf(OUTREACH_END_REASON_LABELS);
