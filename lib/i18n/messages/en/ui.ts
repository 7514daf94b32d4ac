import type { Messages } from "../../translate";

/** English text for the shared UI components; the keys must match ja/ui.ts exactly. */
export const ui: Messages["ui"] = {
  required: "Required",
  errorPrefix: "Error: ",
  processing: "Processing",
  close: "Close",
  cancel: "Cancel",
  breadcrumbs: "Breadcrumbs",
  notifications: "Notifications",
  dismiss: "Dismiss notification",
  table: {
    sortAscending: " (sort ascending)",
    sortDescending: " (sort descending)",
    summary: "Showing {from}–{to} of {total}",
    pagination: "Pagination",
    previous: "Previous",
    next: "Next",
    page: "Page {n}",
  },
};
