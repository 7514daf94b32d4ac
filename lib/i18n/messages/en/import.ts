import type { Messages } from "../../translate";

/** Import from CSV and Excel files (app/(app)/import, app/api/v1/import, ADR 0043). */
export const importMessages: Messages["import"] = {
  nav: "Import",
  title: "Import from a file",
  description:
    "Register records from Excel (.xlsx) or CSV in one go. “Check” reads every row and shows every problem; nothing is saved then. Once there are none, “Import” saves all rows at once (with a single problem, nothing is saved).",
  types: {
    cases: "Discharge-support cases",
    meetings: "Meetings",
    dispatches: "Peer dispatches",
    "outreach-contacts": "Outreach contacts",
  },
  naturalKey: {
    cases:
      "A row is the same case as one already registered when the office, the reading (furigana, family and given), the birth month (or date of birth) and the referral date match. Importing the same file twice creates no new cases. A matched case gets the fields that differ from the file updated, or is counted “unchanged” (the person's identity is not updated; correct it from the case page).",
    meetings:
      "A row is the same meeting as one already recorded when the host, the kind, the date and the meeting's name match. Importing the same file twice creates no new meetings. A matched meeting gets the values that differ (attendance included) updated, or is counted “unchanged”. The host is an office's name, or the prefecture's name (e.g. 岡山県) for its own meetings.",
    dispatches:
      "A row is the same dispatch as one already recorded when the office, the date, the start time, the purpose and the destination (hospital or name) match. Importing the same file twice creates no new dispatches. A matched dispatch gets the values that differ (peers, hours and pay included) updated, or is counted “unchanged”; its status (requested, scheduled, done, cancelled) is not changed by an import. Peers are named by their registration numbers, several separated by 、 or commas; hours, honorarium and travel are per peer. The related case by its case number.",
    "outreach-contacts":
      "Contacts are a log: a row equal in every value (request number, date, kind, professions, met, minutes, place, content) to a logged contact is “unchanged”; any other row is a new contact. Importing the same file twice adds nothing. A logged contact is corrected from the outreach page. Separate several professions with 、 or commas.",
  },
  rules:
    "Files up to 10 MB and {maxRows} rows at a time. UTF-8 (with or without BOM) and Shift_JIS are detected automatically. Dates may be written 2021/6/30, 令和3年6月30日, R3.6.30 and so on. Code columns take the names the screens show; offices, hospitals and municipalities a name or a code.",
  template: "Template",
  templateCsv: "Template (CSV)",
  templateXlsx: "Template (Excel)",
  uploadHeading: "File to import",
  fileLabel: "File",
  reason: "Reason for the correction (when rows fall in a locked year)",
  reasonHint: "Required when a row has a date in a locked fiscal year; the same reason is recorded for every such row.",
  preview: "Check",
  commit: "Import",
  uploading: "Uploading {percent}%",
  checking: "Checking…",
  summary: "{rows} rows: {create} new, {update} updated, {unchanged} unchanged",
  previewOk: "No problems. Press “Import” to save.",
  committed: "Imported: {create} new, {update} updated, {unchanged} unchanged.",
  hasErrors: "{count} problems found. Correct the file and check it again. Nothing was saved.",
  errorsCaption: "Problems",
  column: { row: "Row", column: "Column", value: "Value", message: "Problem" },
  wholeFile: "Whole file",
  failed: "The file could not be sent. Check the connection and try again.",
  noFile: "Choose a file to import.",
  tooLarge: "The file is too large (10 MB at most). Split it and import the parts.",
  lengthRequired: "The upload's size is unknown, so it was refused. Send it again from the page.",
  throttled: "At most {limit} imports an hour. Please try again later.",
  badMode: "mode must be preview or commit.",
  file: {
    empty: "The file is empty.",
    utf16: "UTF-16 files (Excel's \"Unicode Text\") cannot be read. Save the file from Excel as \"CSV UTF-8 (Comma delimited)\" or \"CSV (Comma delimited)\".",
    binary: "This is neither a CSV nor an Excel file (it contains binary data).",
    zipNotXlsx: "The file is named .csv but is a ZIP or Excel file. Save it as CSV, or choose it as .xlsx.",
    notXlsxButNamed: "The file is named .xlsx but is not an Excel file.",
    xlsxUnreadable: "The file could not be read as Excel. Open it in Excel and save it as .xlsx again.",
    csvUnreadable: "The file could not be read as CSV (an unclosed quote \" perhaps).",
    noHeader: "The first row has no headers. Use the template's header row.",
    tooManyRows: "Too many rows: at most {limit} rows can be imported at a time. Split the file.",
  },
  row: {
    ragged: "This row has {found} columns but the header has {expected}.",
    formulaWithoutResult: "A formula cell without a saved result. Open the file in Excel and save it again, or paste the values.",
    errorCell: "The cell holds an Excel error value (#N/A and so on).",
    checkbox: "Write はい (yes) or いいえ (no), or leave it empty.",
  },
  header: {
    unknown: "Unknown header. Use the template's headers.",
    noneKnown: "None of the headers in row 1 is a column of this import: the file seems to be of another type, or in another encoding (save it as UTF-8 or Shift_JIS).",
    duplicate: "The same header appears twice.",
    missing: "A required column is missing.",
  },
  dispatches: {
    peerUnknown: "No peer supporter has this number. Use the numbers of the peer list.",
    caseUnknown: "No case has this case number.",
  },
  outreachContacts: {
    caseUnknown: "No outreach case has this request number.",
  },
  cases: {
    personAmbiguous: "More than one person with this reading and birth month is registered; register this case from the form, choosing the person.",
  },
};
