/** The outreach cases and contacts (app/(app)/outreach). */
export const outreach = {
  title: "アウトリーチ",
} as const;
