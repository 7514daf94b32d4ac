import type { Messages } from "../../translate";

/** The peer-supporter registry and dispatches (app/(app)/peers). */
export const peers: Messages["peers"] = {
  title: "Peer supporters",
};
