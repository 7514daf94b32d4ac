/** The peer-supporter registry and dispatches (app/(app)/peers). */
export const peers = {
  title: "ピアサポーター",
} as const;
