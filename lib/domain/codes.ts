/**
 * Code lists. Each domain term keeps its Japanese label here, once; the UI reads labels
 * through `codeLabel()` so a list and its labels cannot drift apart.
 */

export type Locale = "ja" | "en";
export type Label = Readonly<Record<Locale, string>>;

/** The codes of a label table, typed as a non-empty tuple (what zod and drizzle enums want). */
export function keysOf<K extends string>(labels: Readonly<Record<K, Label>>): readonly [K, ...K[]] {
  return Object.freeze(Object.keys(labels)) as unknown as readonly [K, ...K[]];
}

export const ROLE_LABELS = {
  coordinator: { ja: "地域移行推進員・コーディネーター", en: "Coordinator" },
  supervisor: { ja: "保健所 担当課長・監督者", en: "Health-centre supervisor" },
  prefecture: { ja: "県 担当者", en: "Prefecture staff" },
  admin: { ja: "システム管理者", en: "Administrator" },
} as const satisfies Record<string, Label>;
export type Role = keyof typeof ROLE_LABELS;
export const ROLES = keysOf(ROLE_LABELS);

export const HEALTH_CENTER_KIND_LABELS = {
  prefectural: { ja: "県保健所・健康福祉センター", en: "Prefectural health centre" },
  prefectural_branch: { ja: "支所", en: "Branch office" },
  designated_city: { ja: "政令指定都市保健所", en: "Designated-city health centre" },
  core_city: { ja: "中核市保健所", en: "Core-city health centre" },
} as const satisfies Record<string, Label>;
export type HealthCenterKind = keyof typeof HEALTH_CENTER_KIND_LABELS;
export const HEALTH_CENTER_KINDS = keysOf(HEALTH_CENTER_KIND_LABELS);

export const MUNICIPALITY_KIND_LABELS = {
  designated_city: { ja: "政令指定都市", en: "Designated city" },
  core_city: { ja: "中核市", en: "Core city" },
  city: { ja: "市", en: "City" },
  town: { ja: "町", en: "Town" },
  village: { ja: "村", en: "Village" },
} as const satisfies Record<string, Label>;
export type MunicipalityKind = keyof typeof MUNICIPALITY_KIND_LABELS;
export const MUNICIPALITY_KINDS = keysOf(MUNICIPALITY_KIND_LABELS);

export const AUDIT_ACTION_LABELS = {
  sign_in: { ja: "サインイン", en: "Sign-in" },
  sign_in_failed: { ja: "サインイン失敗", en: "Failed sign-in" },
  sign_out: { ja: "サインアウト", en: "Sign-out" },
  create: { ja: "作成", en: "Create" },
  update: { ja: "更新", en: "Update" },
  delete: { ja: "削除", en: "Delete" },
  view: { ja: "閲覧", en: "View" },
  export: { ja: "出力", en: "Export" },
} as const satisfies Record<string, Label>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = keysOf(AUDIT_ACTION_LABELS);

/**
 * What an audit row is about (audit_logs.entity_type): a closed list, so a new record type names
 * itself here once and the type checker refuses a misspelt one.
 */
export const AUDIT_ENTITY_LABELS = {
  session: { ja: "サインイン・セッション", en: "Session" },
  user: { ja: "ユーザー", en: "User" },
  hospital: { ja: "病院", en: "Hospital" },
  case: { ja: "地域移行支援ケース", en: "Discharge-support case" },
  case_list: { ja: "ケース一覧", en: "Case list" },
  case_transfer_inbox: { ja: "移管の依頼（受け入れ側）", en: "Transfers to accept" },
  caseload: { ja: "担当状況", en: "Caseload" },
  schedule: { ja: "今後の予定", en: "Upcoming" },
  person_duplicate_check: { ja: "重複の確認", en: "Duplicate check" },
  person_search: { ja: "対象者の検索", en: "Person search" },
  outreach_case: { ja: "アウトリーチ", en: "Outreach case" },
  outreach_case_list: { ja: "アウトリーチ一覧", en: "Outreach list" },
  peer: { ja: "ピアサポーター", en: "Peer supporter" },
  peer_list: { ja: "ピアサポーター一覧", en: "Peer list" },
  peer_dispatch: { ja: "ピアサポーター派遣", en: "Peer dispatch" },
  peer_dispatch_form: { ja: "派遣の入力画面", en: "Dispatch form" },
  meeting: { ja: "会議", en: "Meeting" },
  training_event: { ja: "研修", en: "Training" },
  community_event: { ja: "普及啓発・家族支援", en: "Awareness or family event" },
  kyogi_body: { ja: "協議の場", en: "Council" },
  municipal_kyogi_status: { ja: "市町村の協議の場の状況", en: "Municipal council status" },
  phone_line_month: { ja: "電話相談の月報", en: "Phone line month" },
  hostel_month: { ja: "ホステルの月報", en: "Hostel month" },
  external_statistic: { ja: "外部統計", en: "External statistic" },
  indicator_target: { ja: "目標値", en: "Target" },
  sheet_indicator: { ja: "シートの指標", en: "Sheet row" },
  indicator_narrative: { ja: "具体的な成果・効果", en: "Narrative" },
  prefecture_year_facts: { ja: "年度の事実", en: "Yearly facts" },
  indicator_records: { ja: "指標の元になった記録", en: "Records behind an indicator" },
  year_signoff: { ja: "年度の数字の確認", en: "Year sign-off" },
  year_lock: { ja: "年度の締め", en: "Year lock" },
  restatement: { ja: "締めた年度の訂正", en: "Restatement of a locked year" },
  database: { ja: "データベース", en: "Database" },
  audit_log: { ja: "監査ログ", en: "Audit log" },
  account_review: { ja: "IDの棚卸し", en: "Account review" },
  second_factor: { ja: "二要素認証", en: "Second factor" },
  account_change: { ja: "アカウント変更の承認", en: "Account change approval" },
  data_key: { ja: "データ暗号鍵", en: "Data encryption key" },
  import: { ja: "ファイルからの取り込み", en: "Import from a file" },
  office_list: { ja: "保健所の一覧", en: "Office list" },
} as const satisfies Record<string, Label>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = keysOf(AUDIT_ENTITY_LABELS);

export function codeLabel<K extends string>(
  labels: Readonly<Record<K, Label>>,
  code: K,
  locale: Locale,
): string {
  return labels[code][locale];
}

/** A code list as select options in the user's language. */
export function codeOptions<K extends string>(labels: Readonly<Record<K, Label>>, locale: Locale): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value][locale] }));
}

/**
 * Account changes an admin asks for that take effect only once someone else approves (ADR 0039):
 * whatever lets an account read cases, or replaces the secret of such an account.
 * `second_factor_reset` is reserved for the second-factor reset (wired in lib/dal/account-changes.ts).
 */
export const ACCOUNT_CHANGE_KIND_LABELS = {
  account_create: { ja: "アカウントの作成", en: "New account" },
  reactivate: { ja: "利用の再開", en: "Reactivation" },
  access_change: { ja: "役割・担当の変更", en: "Role or office change" },
  password_reset: { ja: "パスワードの再設定", en: "Password reset" },
  second_factor_reset: { ja: "二要素認証のリセット", en: "Second-factor reset" },
} as const satisfies Record<string, Label>;
export type AccountChangeKind = keyof typeof ACCOUNT_CHANGE_KIND_LABELS;
export const ACCOUNT_CHANGE_KINDS = keysOf(ACCOUNT_CHANGE_KIND_LABELS);

export const ACCOUNT_CHANGE_STATUS_LABELS = {
  pending: { ja: "承認待ち", en: "Pending" },
  approved: { ja: "承認済み", en: "Approved" },
  rejected: { ja: "却下", en: "Rejected" },
} as const satisfies Record<string, Label>;
export type AccountChangeStatus = keyof typeof ACCOUNT_CHANGE_STATUS_LABELS;
export const ACCOUNT_CHANGE_STATUSES = keysOf(ACCOUNT_CHANGE_STATUS_LABELS);
