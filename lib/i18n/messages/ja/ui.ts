/** Japanese text for the shared UI components (components/ui). The reference catalog. */
export const ui = {
  required: "必須",
  errorPrefix: "エラー：",
  processing: "処理中",
  close: "閉じる",
  cancel: "キャンセル",
  breadcrumbs: "パンくずリスト",
  notifications: "通知",
  dismiss: "通知を閉じる",
  table: {
    sortAscending: "（昇順で並べ替え）",
    sortDescending: "（降順で並べ替え）",
    summary: "全 {total} 件中 {from}–{to} 件を表示",
    pagination: "ページ送り",
    previous: "前へ",
    next: "次へ",
    page: "{n} ページ目",
  },
} as const;
