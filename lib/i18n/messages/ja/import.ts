/** Import from CSV and Excel files (app/(app)/import, app/api/v1/import, ADR 0043). */
export const importMessages = {
  nav: "取り込み",
  title: "ファイルからの取り込み",
  description:
    "Excel（.xlsx）や CSV の記録をまとめて登録します。まず「確認する」で全行を点検し、問題がすべて表示されます。この時点では何も保存されません。問題がなくなってから「取り込む」を押すと、全行が一度に保存されます（1行でも問題があれば何も保存されません）。",
  types: {
    cases: "地域移行支援ケース",
    meetings: "会議",
    dispatches: "ピアサポーター派遣",
    "outreach-contacts": "アウトリーチの支援記録",
  },
  naturalKey: {
    cases:
      "同じケースかどうかは「担当保健所・支所」「ふりがな（姓・名）」「生年月（または生年月日）」「相談受付日」で判断します。同じファイルを2回取り込んでも、新しいケースは増えません。一致したケースは、ファイルの内容と違う項目だけが更新され、同じなら「変更なし」です（本人情報は更新されません。本人情報の訂正はケースのページから行います）。",
    meetings:
      "同じ会議かどうかは「主催」「会議の種別」「開催日」「会議名」で判断します。同じファイルを2回取り込んでも、新しい会議は増えません。一致した会議は、ファイルの内容と違う項目（参加者数を含む）だけが更新され、同じなら「変更なし」です。主催には保健所・支所の名前か、県の会議なら県の名前（例：岡山県）を書きます。",
  },
  rules:
    "ファイルは 10 MB まで、1回に {maxRows} 行までです。文字コードは UTF-8（BOM あり・なし）と Shift_JIS を自動で判別します。日付は 2021/6/30・令和3年6月30日・R3.6.30 などの形で書けます。コードの列は画面に出る名前（例：男性）で、保健所・病院・市町村は名前かコードで書けます。",
  template: "ひな形",
  templateCsv: "ひな形（CSV）",
  templateXlsx: "ひな形（Excel）",
  fileLabel: "ファイル",
  reason: "訂正の理由（締めた年度の記録を含むとき）",
  reasonHint: "締めた年度の日付を含む行があるときは必須です。すべての該当行に同じ理由が記録されます。",
  preview: "確認する",
  commit: "取り込む",
  uploading: "送信中 {percent}%",
  checking: "点検中…",
  summary: "{rows} 行：新規 {create} 件・更新 {update} 件・変更なし {unchanged} 件",
  previewOk: "問題はありません。「取り込む」を押すと保存されます。",
  committed: "取り込みました。新規 {create} 件・更新 {update} 件・変更なし {unchanged} 件。",
  hasErrors: "{count} 件の問題があります。ファイルを直してから、もう一度確認してください。何も保存されていません。",
  errorsCaption: "問題の一覧",
  column: { row: "行", column: "列", value: "値", message: "内容" },
  wholeFile: "ファイル全体",
  failed: "送信できませんでした。通信の状態を確かめて、もう一度お試しください。",
  noFile: "取り込むファイルを選んでください。",
  tooLarge: "ファイルが大きすぎます（10 MB まで）。ファイルを分けて取り込んでください。",
  lengthRequired: "ファイルの大きさが分からないため受け付けられません。画面から送り直してください。",
  throttled: "取り込みは 1 時間に {limit} 回までです。しばらくしてからお試しください。",
  badMode: "mode には preview か commit を指定してください。",
  file: {
    empty: "ファイルが空です。",
    binary: "CSV でも Excel でもないファイルです（文字以外のデータを含んでいます）。",
    zipNotXlsx: "名前は .csv ですが、中身は ZIP か Excel のファイルです。CSV として保存し直すか、.xlsx のまま選んでください。",
    notXlsxButNamed: "名前は .xlsx ですが、中身は Excel のファイルではありません。",
    xlsxUnreadable: "Excel のファイルとして読めませんでした。Excel で開いて .xlsx として保存し直してください。",
    csvUnreadable: "CSV として読めませんでした（引用符 \" の閉じ忘れなど）。",
    noHeader: "1 行目に見出しがありません。ひな形の見出し行を使ってください。",
    tooManyRows: "行が多すぎます。1 回に取り込めるのは {limit} 行までです。ファイルを分けてください。",
  },
  row: {
    ragged: "この行の列の数（{found}）が見出しの列の数（{expected}）と合いません。",
    formulaWithoutResult: "数式の結果が保存されていないセルです。Excel で開いて保存し直すか、値として貼り付けてください。",
    errorCell: "Excel のエラー値（#N/A など）が入っています。",
    checkbox: "「はい」か「いいえ」（または空欄）で書いてください。",
  },
  header: {
    unknown: "知らない見出しです。ひな形の見出しを使ってください。",
    duplicate: "同じ見出しが2回あります。",
    missing: "必須の列がありません。",
  },
  cases: {
    personAmbiguous: "同じふりがなと生年月の方が2人以上登録されています。どの方か分からないため、画面から登録してください。",
  },
} as const;
