import type { Messages } from "../../translate";
import { app } from "./app";
import { ui } from "./ui";

export const en: Messages = { ...app, ui };
