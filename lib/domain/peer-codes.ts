/**
 * Code lists of the peer-supporter registry and dispatches (ピアサポーター), domain brief §4.
 * Each code keeps its Japanese label here, once.
 */
import { keysOf, type Label } from "./codes";

export const PEER_STATUS_LABELS = {
  active: { ja: "登録中", en: "Registered" },
  paused: { ja: "休止", en: "Paused" },
  expired: { ja: "期間満了", en: "Expired" },
  withdrawn: { ja: "登録抹消", en: "Withdrawn" },
} as const satisfies Record<string, Label>;
export type PeerStatus = keyof typeof PEER_STATUS_LABELS;
export const PEER_STATUSES = keysOf(PEER_STATUS_LABELS);

export const PEER_TRAINING_LABELS = {
  peer_yousei: { ja: "養成研修", en: "Peer supporter training" },
  peer_followup: { ja: "フォローアップ研修", en: "Follow-up training" },
  peer_support_kiso: { ja: "ピアサポート研修 基礎", en: "Peer support training (basic)" },
  peer_support_senmon: { ja: "ピアサポート研修 専門", en: "Peer support training (advanced)" },
} as const satisfies Record<string, Label>;
export type PeerTraining = keyof typeof PEER_TRAINING_LABELS;
export const PEER_TRAININGS = keysOf(PEER_TRAINING_LABELS);

export const PEER_PURPOSE_LABELS = {
  inhospital_salon: { ja: "院内茶話会・交流会", en: "In-hospital salon" },
  group_work: { ja: "院内グループワーク", en: "In-hospital group work" },
  testimony: { ja: "体験発表", en: "Testimony" },
  individual_accompany: { ja: "個別支援同行", en: "Individual accompaniment" },
  kyogi_member: { ja: "協議の場・会議参加", en: "Council or meeting" },
  training_lecturer: { ja: "研修講師", en: "Training lecturer" },
  awareness_event: { ja: "普及啓発", en: "Awareness event" },
  hospital_community_exchange: { ja: "病院と地域の交流会", en: "Hospital–community exchange" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type PeerPurpose = keyof typeof PEER_PURPOSE_LABELS;
export const PEER_PURPOSES = keysOf(PEER_PURPOSE_LABELS);

export const DISPATCH_STATUS_LABELS = {
  requested: { ja: "依頼", en: "Requested" },
  scheduled: { ja: "予定", en: "Scheduled" },
  done: { ja: "実施", en: "Done" },
  cancelled: { ja: "中止", en: "Cancelled" },
} as const satisfies Record<string, Label>;
export type DispatchStatus = keyof typeof DISPATCH_STATUS_LABELS;
export const DISPATCH_STATUSES = keysOf(DISPATCH_STATUS_LABELS);

export const DESTINATION_KIND_LABELS = {
  hospital: { ja: "病院", en: "Hospital" },
  facility: { ja: "施設", en: "Facility" },
  venue: { ja: "会場", en: "Venue" },
} as const satisfies Record<string, Label>;
export type DestinationKind = keyof typeof DESTINATION_KIND_LABELS;
export const DESTINATION_KINDS = keysOf(DESTINATION_KIND_LABELS);
