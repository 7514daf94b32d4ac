/** The open/closed switch of a list whose default is open cases only (the home page counts those). */
export const listSwitch = {
  outreach: {
    showOpen: "進行中のアウトリーチのみ表示中（終結は除く）",
    includeClosed: "終結したケースも表示",
    showingAll: "終結したケースも表示中",
    openOnly: "進行中のケースのみ表示",
  },
} as const;
