import type { Messages } from "../../translate";

export const hospitals: Messages["hospitals"] = {
  title: "(in preparation)",
};
