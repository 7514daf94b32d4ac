export const caseDetail = {
  title: "（準備中）",
} as const;
