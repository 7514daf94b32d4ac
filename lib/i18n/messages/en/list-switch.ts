import type { Messages } from "../../translate";

export const listSwitch: Messages["listSwitch"] = {
  outreach: {
    showOpen: "Showing open outreach cases only (closed ones left out)",
    includeClosed: "Show closed cases too",
    showingAll: "Showing closed cases too",
    openOnly: "Show open cases only",
  },
};
