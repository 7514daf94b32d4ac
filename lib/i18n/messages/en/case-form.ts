import type { Messages } from "../../translate";

export const caseForm: Messages["caseForm"] = {
  title: "(in preparation)",
};
