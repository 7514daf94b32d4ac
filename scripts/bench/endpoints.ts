/*
 * What the bench times (ADR 0049): each endpoint's URL as the UI makes it, who asks, and what the
 * answer must contain to count as the right page. The i-th request may vary (the case page rotates
 * over the coordinator's cases, the kana search over their persons' kana).
 */
import type { Expectation } from "./classify";
import type { Floors, Workload } from "./floors";

export type Role = "anonymous" | "prefecture" | "coordinator";

export type Endpoint = {
  id: string;
  label: string;
  role: Role;
  request: (i: number) => { path: string; expect: Expectation };
  /** Each request is the first read after a write of an indicator input (kept figures computed again, ADR 0055). */
  afterWrite?: boolean;
  /** The floor to time beside it, when not its own id's. */
  floorId?: string;
};

/** The same requests, each after a write: the indicator pages as the first reader after a change meets them. */
function afterAWrite(e: Endpoint): Endpoint {
  return { ...e, id: `${e.id}AfterWrite`, label: `${e.label}, after a write`, afterWrite: true, floorId: e.id };
}

/** Text only a signed-in page of the app has: the header's sign-out button (the UI's default language). */
const SIGNED_IN = "サインアウト";

/** `expected`: the first case numbers the SQL floors find (floors.ts), which the lists must show. */
export function endpointsFor(w: Workload, expected: Floors["firstCaseNo"]): Endpoint[] {
  const withCase = (caseNo: string | null) => (caseNo ? [caseNo] : []);
  const fy = w.fiscalYear;
  const pref = w.prefectureCode;
  const listQuery = `scope=office&phase=${encodeURIComponent(w.listPhase)}${w.listPage > 1 ? `&page=${w.listPage}` : ""}`;
  const indicatorPages: Endpoint[] = [
    {
      id: "sheet",
      label: `自治体情報シート FY${fy}`,
      role: "prefecture",
      request: () => ({ path: `/indicators/sheet?prefecture=${pref}&fy=${fy}`, expect: { type: "html", contains: [SIGNED_IN, "自治体情報シート"] } }),
    },
    {
      id: "sheetApi",
      label: `JSON API FY${fy}`,
      role: "prefecture",
      request: () => ({ path: `/api/v1/indicators?prefecture=${pref}&fy=${fy}`, expect: { type: "json", contains: ['"indicators"', `"fiscalYear":${fy}`] } }),
    },
    {
      id: "dashboard",
      label: `indicator dashboard FY${fy}`,
      role: "prefecture",
      request: () => ({ path: `/indicators?fy=${fy}`, expect: { type: "html", contains: [SIGNED_IN, "達成度指標"] } }),
    },
  ];
  return [
    { id: "health", label: "/api/health (framework floor)", role: "anonymous", request: () => ({ path: "/api/health", expect: { type: "json", contains: ['"ok":true'] } }) },
    ...indicatorPages,
    ...indicatorPages.map(afterAWrite),
    {
      id: "caseList",
      label: `case list (${w.listPhase}${w.listPage > 1 ? `, page ${w.listPage}` : ""})`,
      role: "coordinator",
      request: () => ({ path: `/cases?${listQuery}`, expect: { type: "html", contains: [SIGNED_IN, 'data-testid="closed-switch"', ...withCase(expected.caseList)] } }),
    },
    {
      id: "casePage",
      label: `case page (${w.caseIds.length} cases)`,
      role: "coordinator",
      request: (i) => {
        const c = w.caseIds[i % w.caseIds.length]!;
        return { path: `/cases/${encodeURIComponent(c.id)}`, expect: { type: "html", contains: [SIGNED_IN, c.caseNo] } };
      },
    },
    {
      id: "kana",
      label: `kana search (${w.kanaQueries.length} queries)`,
      role: "coordinator",
      request: (i) => {
        const q = w.kanaQueries[i % w.kanaQueries.length]!.q;
        return { path: `/cases?scope=office&q=${encodeURIComponent(q)}`, expect: { type: "html", contains: [SIGNED_IN, 'data-testid="closed-switch"', ...withCase(expected.kana(i))] } };
      },
    },
    {
      id: "dispatches",
      label: "peer dispatch list",
      role: "coordinator",
      request: () => ({ path: "/peers/dispatches", expect: { type: "html", contains: [SIGNED_IN, "/peers/dispatches/new"] } }),
    },
  ];
}

/** The load test's target: the case list as the coordinator opens it (the same URL the table times). */
export function loadTarget(w: Workload, expected: Floors["firstCaseNo"]): { paths: string[]; contains: string[] } {
  const e = endpointsFor(w, expected).find((x) => x.id === "caseList")!;
  const { path, expect } = e.request(0);
  return { paths: [path], contains: [...(expect.contains ?? [])] };
}
