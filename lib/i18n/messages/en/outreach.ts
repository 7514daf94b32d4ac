import type { Messages } from "../../translate";

/** The outreach cases and contacts (app/(app)/outreach). */
export const outreach: Messages["outreach"] = {
  title: "Outreach",
};
