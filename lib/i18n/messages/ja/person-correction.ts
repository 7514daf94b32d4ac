/** Correcting a person's identity from the page of one of their records (ADR 0028). */
export const personCorrection = {
  open: "本人情報を訂正",
  title: "本人情報の訂正",
  metaTitle: "本人情報の訂正 {caseNo}",
  description: "{caseNo} の対象者の氏名・ふりがな・生年月日・性別・市町村・連絡先を訂正します。この方のすべての記録に反映され、各記録の閲覧・変更履歴に訂正した項目が残ります。",
  note: "半角カナは全角で、電話番号は 086-123-4567 の形で保存します。",
  save: "訂正を保存",
  cancel: "キャンセル",
  saved: "本人情報を訂正しました。",
  unchanged: "変更はありませんでした。",
  conflict: {
    title: "保存できませんでした",
    reload: "最新の内容で開き直す（入力中の内容は破棄されます）",
  },
} as const;
