/** The meetings, trainings, events and monthly figures (app/(app)/activities). */
export const activities = {
  title: "会議・研修",
} as const;
