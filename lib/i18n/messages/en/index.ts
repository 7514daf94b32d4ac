import type { Messages } from "../../translate";
import { app } from "./app";
import { caseDetail } from "./case-detail";
import { caseForm } from "./case-form";
import { caseList } from "./case-list";
import { caseload } from "./caseload";
import { hospitals } from "./hospitals";
import { ui } from "./ui";

export const en: Messages = { ...app, ui, caseList, caseload, caseDetail, caseForm, hospitals };
