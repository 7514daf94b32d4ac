import type { Messages } from "../../translate";

/** The meetings, trainings, events and monthly figures (app/(app)/activities). */
export const activities: Messages["activities"] = {
  title: "Meetings & training",
};
