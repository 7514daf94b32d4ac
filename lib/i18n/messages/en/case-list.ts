import type { Messages } from "../../translate";

export const caseList: Messages["caseList"] = {
  title: "(in preparation)",
};
