import type { Messages } from "../../translate";

export const schedule: Messages["schedule"] = {
  title: "Upcoming",
  nav: "Upcoming",
  description: "What falls due between today and 14 days from now, and what is overdue (closed cases left out). Each row opens the right part of its record.",
  navBadge: "{n} overdue or due within 7 days",
  scope: {
    label: "Items to show",
    mine: "My cases",
    office: "My office",
  },
  peerNote: "Peer registrations that expire are your office's, in either view.",
  overdue: "Overdue",
  today: "Today",
  dayCount: "{n} items",
  listLabel: "Due {day}",
  empty: "Nothing is overdue and nothing falls due in the next 14 days.",
  emptyMine: "Nothing is due on your cases. You can look at your office's items too.",
  officeLink: "Show my office's items",
  overdueBadge: "Overdue",
  kinds: {
    follow_up: "Post-discharge follow-up ({n} months)",
    plan_review: "Plan review ({plan})",
    trial_start: "{kind} starts",
    trial_end: "{kind} ends",
    peer_expiry: "Peer registration expires",
  },
  home: {
    title: "Upcoming",
    summary: "{overdue} overdue, {total} including the next 7 days",
    more: "See everything upcoming",
    none: "Nothing is overdue or due in the next 7 days.",
  },
};
