/**
 * The one permission table. The UI reads it to hide what a role cannot do; the
 * data-access layer reads it to refuse the call. Strings follow `action:entity:reach`,
 * where reach says how far the role's rows go (see OFFICE_REACH).
 */
import type { Role } from "@/lib/domain/codes";

export const PERMISSIONS = [
  // Organisation tree and office pages (master data, no person data).
  "read:org:prefecture",
  "read:office:reach",
  "read:staff:reach",
  // Person-identifying work, one entity per feature, each confined to the offices in reach:
  // discharge-support cases (and their persons' identities), outreach cases (アウトリーチ),
  // the peer-supporter registry (ピアサポーター) and the peers' dispatches (派遣).
  "read:case:reach",
  "write:case:reach",
  "read:identity:reach",
  "read:outreach:reach",
  "write:outreach:reach",
  "read:peer:reach",
  "write:peer:reach",
  "read:dispatch:reach",
  "write:dispatch:reach",
  // Supervisor tools over the office's caseload.
  "read:caseload:reach",
  "reassign:case:reach",
  "read:audit:reach",
  // A closed case is read-only until a supervisor reopens it with a reason; a supervisor may also
  // correct or undo the latest phase change someone else recorded (ADR 0029).
  "reopen:case:reach",
  "correct:phase:reach",
  // Transfer within the prefecture (ADR 0032): a supervisor hands a case to another office, and the
  // receiving office's supervisor accepts (assigning a coordinator) or declines it.
  "transfer:case:reach",
  // Year-end close (年度締め): a supervisor signs off the office's figures for a fiscal year.
  "signoff:year:reach",
  // Office work that names no one: meetings, trainings, events (会議・研修・普及啓発).
  "read:activity:reach",
  "write:activity:reach",
  // Achievement indicators (達成度指標) of the scopes a role reaches: an office's for its staff,
  // every scope's for the prefecture role. Drill-downs below the prefecture are suppressed for it.
  "read:indicator:reach",
  // Prefecture-wide numbers; never names.
  "read:aggregate:prefecture",
  // The 自治体情報シート's inputs: external statistics, targets, narratives, yearly facts.
  "manage:indicator:prefecture",
  // Year-end close: prefecture staff lock a fiscal year (and unlock it with a reason).
  "lock:year:prefecture",
  "write:prefecture-activity:prefecture",
  // Administration of the prefecture's accounts and master data; no case contents.
  "manage:user:prefecture",
  "manage:master:prefecture",
  // The audit viewer (ADR 0041): supervisors read the rows concerning their offices with their
  // detail (read:audit:reach); prefecture staff and admins read who did what to which record id
  // across the prefecture, never the detail. Account review: admins, supervisors for their staff.
  "read:audit-log:reach",
  "review:account:reach",
  // Separation of duties (ADR 0039): an admin's grant of case access, or reset of a case-reading
  // account's secret, waits for a supervisor of the office (their offices) or another admin (prefecture).
  "approve:account:reach",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Which offices a role's `reach` covers.
 * - assigned: the offices the user is assigned to.
 * - assigned-and-branches: those offices and their 支所.
 * - prefecture: every office of the user's prefecture.
 */
export type OfficeReach = "assigned" | "assigned-and-branches" | "prefecture";

export const OFFICE_REACH: Readonly<Record<Role, OfficeReach>> = {
  coordinator: "assigned",
  supervisor: "assigned-and-branches",
  prefecture: "prefecture",
  admin: "prefecture",
};

const CASE_WORK: readonly Permission[] = [
  "read:org:prefecture",
  "read:office:reach",
  "read:staff:reach",
  "read:case:reach",
  "write:case:reach",
  "read:identity:reach",
  "read:outreach:reach",
  "write:outreach:reach",
  "read:peer:reach",
  "write:peer:reach",
  "read:dispatch:reach",
  "write:dispatch:reach",
  "read:activity:reach",
  "write:activity:reach",
  "read:indicator:reach",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  coordinator: CASE_WORK,
  supervisor: [...CASE_WORK, "read:caseload:reach", "reassign:case:reach", "read:audit:reach", "signoff:year:reach", "reopen:case:reach", "correct:phase:reach", "transfer:case:reach", "read:audit-log:reach", "review:account:reach", "approve:account:reach"],
  prefecture: [
    "read:org:prefecture",
    "read:office:reach",
    "read:activity:reach",
    "read:indicator:reach",
    "read:aggregate:prefecture",
    "manage:indicator:prefecture",
    "lock:year:prefecture",
    "write:prefecture-activity:prefecture",
    "read:audit-log:reach",
  ],
  admin: [
    "read:org:prefecture",
    "read:office:reach",
    "read:staff:reach",
    "manage:user:prefecture",
    "manage:master:prefecture",
    "read:audit-log:reach",
    "review:account:reach",
    "approve:account:reach",
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles whose accounts are tied to offices; the others work prefecture-wide. */
export function roleHasOffices(role: Role): boolean {
  return OFFICE_REACH[role] !== "prefecture";
}
