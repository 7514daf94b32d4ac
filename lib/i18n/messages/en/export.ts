import type { Messages } from "../../translate";

/** Exports of the lists (CSV / Excel), ADR 0044. */
export const exportFiles: Messages["export"] = {
  label: "Export",
  csv: "CSV",
  xlsx: "Excel",
  csvTitle: "Export this list (all filtered rows) as CSV",
  xlsxTitle: "Export this list (all filtered rows) as Excel",
  withIdentity: "Export with names…",
  dialog: {
    title: "Export with names",
    body: "The file will hold names, kana and other identifying details. The export, its reason and its row count are recorded in the audit log. Keep and dispose of the file with care.",
    reason: "Reason for the export",
    reasonHint: "e.g. papers for the network meeting (at least 2 characters)",
    download: "Export",
  },
  yes: "Yes",
  columns: {
    name: "Name",
    kana: "Kana",
    supportStartDate: "Support start",
    startDate: "Start",
    endDate: "End",
    teamKind: "Team type",
    time: "Time",
    casesReviewed: "Cases reviewed",
    cohosts: "Co-hosts",
    sessions: "Sessions",
    subtype: "Subtype",
  },
  errors: {
    notFound: "This list cannot be exported.",
    reasonRequired: "To export with names, give a reason of at least 2 characters.",
    throttled: "Lists can be exported {limit} times an hour. Please try again later.",
  },
};
