import type { Messages } from "../../translate";

export const caseDetail: Messages["caseDetail"] = {
  title: "(in preparation)",
};
