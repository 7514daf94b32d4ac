export const caseload = {
  title: "（準備中）",
} as const;
