/** 今後の予定 (/schedule): what falls due in the next 14 days and what is overdue. */
export const schedule = {
  title: "今後の予定",
  nav: "今後の予定",
  description: "今日から14日後までに期限を迎える予定と、期限を過ぎた予定です（終結したケースは除きます）。各行から記録の該当箇所を開けます。",
  navBadge: "期限切れと7日以内の予定 {n}件",
  scope: {
    label: "表示する予定",
    mine: "自分の担当",
    office: "所属保健所の予定",
  },
  peerNote: "ピアサポーターの登録期限は、どちらの表示でも所属保健所の登録者を表示します。",
  overdue: "期限切れ",
  today: "今日",
  dayCount: "{n}件",
  listLabel: "{day}の予定",
  empty: "期限切れの予定も、14日以内に期限を迎える予定もありません。",
  emptyMine: "自分の担当ケースには予定がありません。所属保健所全体の予定も確認できます。",
  officeLink: "所属保健所の予定を見る",
  overdueBadge: "期限切れ",
  kinds: {
    follow_up: "退院後フォロー（{n}か月）",
    plan_review: "計画の見直し（{plan}）",
    trial_start: "{kind}の開始",
    trial_end: "{kind}の終了",
    peer_expiry: "ピアサポーター登録の有効期限",
  },
  home: {
    title: "今後の予定",
    summary: "期限切れ {overdue}件・7日以内を含め {total}件",
    more: "今後の予定をすべて見る",
    none: "期限切れの予定も、7日以内の予定もありません。",
  },
} as const;
