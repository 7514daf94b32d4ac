export const caseList = {
  title: "（準備中）",
} as const;
