import type { Role } from "@/lib/domain/codes";
import type { MessageKey } from "@/lib/i18n/translate";
import { can, type Permission } from "./permissions";

/** `badge`: the item shows a count (the shell computes it: "schedule" is the reminders due soon). */
export type NavItem = { href: string; labelKey: MessageKey; badge?: "schedule" };

/** `permission`: the one needed, or a list any one of which will do. */
const ITEMS: (NavItem & { permission: Permission | readonly Permission[] | null })[] = [
  { href: "/", labelKey: "nav.home", permission: null },
  { href: "/schedule", labelKey: "schedule.nav", permission: "read:case:reach", badge: "schedule" },
  { href: "/cases", labelKey: "nav.cases", permission: "read:case:reach" },
  { href: "/caseload", labelKey: "nav.caseload", permission: "read:caseload:reach" },
  { href: "/transfers", labelKey: "transfer.nav", permission: "transfer:case:reach" },
  { href: "/peers", labelKey: "nav.peers", permission: "read:peer:reach" },
  { href: "/outreach", labelKey: "nav.outreach", permission: "read:outreach:reach" },
  { href: "/activities", labelKey: "nav.activities", permission: "read:activity:reach" },
  // Import (ADR 0043): whoever may create a record type that has one (cases; meetings, prefecture staff too).
  { href: "/import", labelKey: "import.nav", permission: ["write:case:reach", "write:activity:reach", "write:prefecture-activity:prefecture"] },
  { href: "/indicators", labelKey: "nav.indicators", permission: "read:indicator:reach" },
  { href: "/offices", labelKey: "nav.offices", permission: "read:office:reach" },
  { href: "/org", labelKey: "nav.org", permission: "read:org:prefecture" },
  { href: "/admin/users", labelKey: "nav.users", permission: "manage:user:prefecture" },
  { href: "/admin/hospitals", labelKey: "nav.hospitals", permission: "manage:master:prefecture" },
  { href: "/audit", labelKey: "auditView.nav", permission: "read:audit-log:reach" },
  { href: "/account-review", labelKey: "auditView.accounts.nav", permission: "review:account:reach" },
  { href: "/approvals", labelKey: "approvals.nav", permission: "approve:account:reach" },
  { href: "/account", labelKey: "nav.account", permission: null },
];

/** The menu a role sees: derived from the permission table, so menu and server agree. */
export function navItemsFor(role: Role): NavItem[] {
  return ITEMS.filter((i) => i.permission === null || (typeof i.permission === "string" ? can(role, i.permission) : i.permission.some((p) => can(role, p)))).map(({ href, labelKey, badge }) => (badge ? { href, labelKey, badge } : { href, labelKey }));
}
