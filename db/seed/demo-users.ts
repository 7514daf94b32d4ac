import type { Role } from "@/lib/domain/codes";

/** The password of every demo account; printed in the README. */
export const DEMO_PASSWORD = "tsunagu-demo-2026";

export type DemoUser = {
  username: string;
  displayName: string;
  role: Role;
  prefectureCode: string;
  /** Office codes within the prefecture (see org-units.json). */
  offices: string[];
};

// Staff names are invented from the office names, so that nobody mistakes them for real people.
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "okayama.admin", displayName: "岡山 管理子", role: "admin", prefectureCode: "33", offices: [] },
  { username: "okayama.pref", displayName: "岡山 県一", role: "prefecture", prefectureCode: "33", offices: [] },
  { username: "bizen.sup", displayName: "備前 監子", role: "supervisor", prefectureCode: "33", offices: ["bizen", "tobi"] },
  { username: "bizen.coord", displayName: "備前 つなぎ", role: "coordinator", prefectureCode: "33", offices: ["bizen"] },
  { username: "tobi.coord", displayName: "東備 みちる", role: "coordinator", prefectureCode: "33", offices: ["tobi"] },
  { username: "mimasaka.coord", displayName: "美作 ひかり", role: "coordinator", prefectureCode: "33", offices: ["mimasaka"] },
  { username: "yamaguchi.pref", displayName: "山口 県二", role: "prefecture", prefectureCode: "35", offices: [] },
  { username: "ube.sup", displayName: "宇部 監太", role: "supervisor", prefectureCode: "35", offices: ["ube"] },
  { username: "ube.coord", displayName: "宇部 あゆみ", role: "coordinator", prefectureCode: "35", offices: ["ube"] },
];
