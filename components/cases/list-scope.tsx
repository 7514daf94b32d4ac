import { TabNav } from "@/components/ui/tab-nav";
import { oneOf } from "@/components/ui/list-query";
import { tableHref } from "@/components/ui/table-href";
import type { Role } from "@/lib/domain/codes";

/** The two views of a caseload list (discharge-support cases, outreach cases): my cases, or the office's. */
export const LIST_SCOPES = ["mine", "office"] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

/** The scope in the URL, else the role's own default: coordinators work from their own cases, supervisors oversee the office. */
export function listScopeOf(value: string | undefined, role: Role): ListScope {
  return oneOf(LIST_SCOPES, value) ?? (role === "supervisor" ? "office" : "mine");
}

/**
 * The mine/office tabs of a caseload list. Switching keeps the other filters but starts on page 1,
 * and "mine" drops the coordinator filter (it is only offered for the office).
 */
export function ListScopeTabs({
  basePath,
  params,
  scope,
  labels,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  scope: ListScope;
  labels: { nav: string; mine: string; office: string };
}) {
  return (
    <TabNav
      label={labels.nav}
      current={scope}
      tabs={LIST_SCOPES.map((s) => ({
        key: s,
        href: tableHref(basePath, params, { scope: s, page: undefined, ...(s === "mine" ? { coordinatorId: undefined } : {}) }),
        label: labels[s],
      }))}
    />
  );
}
