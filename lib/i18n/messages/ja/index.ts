import { app } from "./app";
import { caseDetail } from "./case-detail";
import { caseForm } from "./case-form";
import { caseList } from "./case-list";
import { caseload } from "./caseload";
import { hospitals } from "./hospitals";
import { outreach } from "./outreach";
import { activities } from "./activities";
import { indicatorInputs } from "./indicator-inputs";
import { indicators } from "./indicators";
import { peers } from "./peers";
import { dispatches } from "./dispatches";
import { ui } from "./ui";
import { yearClose } from "./year-close";
import { schedule } from "./schedule";
import { listSwitch } from "./list-switch";
import { print } from "./print";
import { personCorrection } from "./person-correction";
import { transfer } from "./transfer";
import { auditView } from "./audit-view";
import { twofa } from "./twofa";
import { approvals } from "./approvals";
import { exportFiles } from "./export";
import { importMessages } from "./import";

/** The Japanese catalog is the reference: every other catalog must have the same keys. */
export const ja = { ...app, ui, caseList, caseload, caseDetail, caseForm, hospitals, peers, dispatches, outreach, activities, indicatorInputs, indicators, yearClose, schedule, listSwitch, print, personCorrection, transfer, auditView, twofa, approvals, export: exportFiles, import: importMessages } as const;
