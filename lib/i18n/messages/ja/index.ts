import { app } from "./app";
import { ui } from "./ui";

/** The Japanese catalog is the reference: every other catalog must have the same keys. */
export const ja = { ...app, ui } as const;
