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
  // One coordinator for every other office, so each office's demo cases have an owner,
  // and a second one at 備前 for the supervisor's comparison and for reassignment.
  { username: "bizen.coord2", displayName: "備前 ふたば", role: "coordinator", prefectureCode: "33", offices: ["bizen"] },
  { username: "bitchu.coord", displayName: "備中 なごみ", role: "coordinator", prefectureCode: "33", offices: ["bitchu"] },
  { username: "ikasa.coord", displayName: "井笠 さくら", role: "coordinator", prefectureCode: "33", offices: ["ikasa"] },
  { username: "bihoku.coord", displayName: "備北 こずえ", role: "coordinator", prefectureCode: "33", offices: ["bihoku"] },
  { username: "niimi.coord", displayName: "新見 みのり", role: "coordinator", prefectureCode: "33", offices: ["niimi"] },
  { username: "maniwa.coord", displayName: "真庭 かえで", role: "coordinator", prefectureCode: "33", offices: ["maniwa"] },
  { username: "shoei.coord", displayName: "勝英 ひなた", role: "coordinator", prefectureCode: "33", offices: ["shoei"] },
  { username: "okayama-city.coord", displayName: "岡山 のぞみ", role: "coordinator", prefectureCode: "33", offices: ["okayama-city"] },
  { username: "kurashiki-city.coord", displayName: "倉敷 はるか", role: "coordinator", prefectureCode: "33", offices: ["kurashiki-city"] },
  { username: "iwakuni.coord", displayName: "岩国 しずく", role: "coordinator", prefectureCode: "35", offices: ["iwakuni"] },
  { username: "yanai.coord", displayName: "柳井 あかり", role: "coordinator", prefectureCode: "35", offices: ["yanai"] },
  { username: "shunan.coord", displayName: "周南 ゆうき", role: "coordinator", prefectureCode: "35", offices: ["shunan"] },
  { username: "yamaguchi.coord", displayName: "山口 すみれ", role: "coordinator", prefectureCode: "35", offices: ["yamaguchi"] },
  { username: "hofu.coord", displayName: "防府 いぶき", role: "coordinator", prefectureCode: "35", offices: ["hofu"] },
  { username: "nagato.coord", displayName: "長門 みなと", role: "coordinator", prefectureCode: "35", offices: ["nagato"] },
  { username: "hagi.coord", displayName: "萩 ともえ", role: "coordinator", prefectureCode: "35", offices: ["hagi"] },
  { username: "shimonoseki-city.coord", displayName: "下関 あおい", role: "coordinator", prefectureCode: "35", offices: ["shimonoseki-city"] },
  // A supervisor for every other office (its 支所 included), so a case can be transferred to
  // any office and accepted there (ADR 0032).
  { username: "bitchu.sup", displayName: "備中 監次", role: "supervisor", prefectureCode: "33", offices: ["bitchu"] },
  { username: "bihoku.sup", displayName: "備北 監三", role: "supervisor", prefectureCode: "33", offices: ["bihoku"] },
  { username: "maniwa.sup", displayName: "真庭 監四", role: "supervisor", prefectureCode: "33", offices: ["maniwa"] },
  { username: "mimasaka.sup", displayName: "美作 監五", role: "supervisor", prefectureCode: "33", offices: ["mimasaka"] },
  { username: "okayama-city.sup", displayName: "岡山 監六", role: "supervisor", prefectureCode: "33", offices: ["okayama-city"] },
  { username: "kurashiki-city.sup", displayName: "倉敷 監七", role: "supervisor", prefectureCode: "33", offices: ["kurashiki-city"] },
  { username: "iwakuni.sup", displayName: "岩国 監八", role: "supervisor", prefectureCode: "35", offices: ["iwakuni"] },
  { username: "yanai.sup", displayName: "柳井 監九", role: "supervisor", prefectureCode: "35", offices: ["yanai"] },
  { username: "shunan.sup", displayName: "周南 監十", role: "supervisor", prefectureCode: "35", offices: ["shunan"] },
  { username: "yamaguchi.sup", displayName: "山口 監一", role: "supervisor", prefectureCode: "35", offices: ["yamaguchi"] },
  { username: "nagato.sup", displayName: "長門 監二", role: "supervisor", prefectureCode: "35", offices: ["nagato"] },
  { username: "hagi.sup", displayName: "萩 監三", role: "supervisor", prefectureCode: "35", offices: ["hagi"] },
  { username: "shimonoseki-city.sup", displayName: "下関 監四", role: "supervisor", prefectureCode: "35", offices: ["shimonoseki-city"] },
  // Separation of duties (ADR 0039): 山口県's admin, and a second 岡山県 admin, so that one admin's
  // request can be approved by another.
  { username: "yamaguchi.admin", displayName: "山口 管理二", role: "admin", prefectureCode: "35", offices: [] },
  { username: "okayama.admin2", displayName: "岡山 管理三", role: "admin", prefectureCode: "33", offices: [] },
];
