import type { Messages } from "../../translate";

export const caseload: Messages["caseload"] = {
  title: "(in preparation)",
};
