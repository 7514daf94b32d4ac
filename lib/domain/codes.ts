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
