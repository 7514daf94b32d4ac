export const caseForm = {
  title: "（準備中）",
} as const;
