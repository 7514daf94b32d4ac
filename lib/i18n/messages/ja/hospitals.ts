export const hospitals = {
  title: "（準備中）",
} as const;
