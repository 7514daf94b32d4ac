import type { Rng } from "@/db/seed/random";
import type { RowSink } from "./writer";

/*
 * The synthetic country (ADR 0048): the 47 prefectures with their JIS codes, real names and
 * approximate populations (2020 census, thousands), which size everything generated for them.
 * 岡山県 (33) and 山口県 (35) keep the real organisation trees of db/seed/org-units.json; the 45
 * others get a generated tree of a realistic shape: 障害保健福祉圏域, 保健所 (prefectural ones,
 * 支所 under some of them, a designated-city or core-city 保健所 in the larger prefectures) and the
 * municipalities each covers, with valid 6-digit codes (check digit included).
 */

export type PrefectureInfo = { code: string; name: string; nameEn: string; population: number };

// prettier-ignore
export const PREFECTURES: readonly PrefectureInfo[] = ([
  ["01", "北海道", "Hokkaido", 5225], ["02", "青森県", "Aomori", 1238], ["03", "岩手県", "Iwate", 1211], ["04", "宮城県", "Miyagi", 2302],
  ["05", "秋田県", "Akita", 960], ["06", "山形県", "Yamagata", 1068], ["07", "福島県", "Fukushima", 1833], ["08", "茨城県", "Ibaraki", 2867],
  ["09", "栃木県", "Tochigi", 1933], ["10", "群馬県", "Gunma", 1939], ["11", "埼玉県", "Saitama", 7345], ["12", "千葉県", "Chiba", 6284],
  ["13", "東京都", "Tokyo", 14048], ["14", "神奈川県", "Kanagawa", 9237], ["15", "新潟県", "Niigata", 2201], ["16", "富山県", "Toyama", 1035],
  ["17", "石川県", "Ishikawa", 1133], ["18", "福井県", "Fukui", 767], ["19", "山梨県", "Yamanashi", 810], ["20", "長野県", "Nagano", 2048],
  ["21", "岐阜県", "Gifu", 1979], ["22", "静岡県", "Shizuoka", 3633], ["23", "愛知県", "Aichi", 7542], ["24", "三重県", "Mie", 1770],
  ["25", "滋賀県", "Shiga", 1414], ["26", "京都府", "Kyoto", 2578], ["27", "大阪府", "Osaka", 8838], ["28", "兵庫県", "Hyogo", 5465],
  ["29", "奈良県", "Nara", 1324], ["30", "和歌山県", "Wakayama", 923], ["31", "鳥取県", "Tottori", 553], ["32", "島根県", "Shimane", 671],
  ["33", "岡山県", "Okayama", 1888], ["34", "広島県", "Hiroshima", 2800], ["35", "山口県", "Yamaguchi", 1342], ["36", "徳島県", "Tokushima", 720],
  ["37", "香川県", "Kagawa", 950], ["38", "愛媛県", "Ehime", 1335], ["39", "高知県", "Kochi", 692], ["40", "福岡県", "Fukuoka", 5135],
  ["41", "佐賀県", "Saga", 811], ["42", "長崎県", "Nagasaki", 1312], ["43", "熊本県", "Kumamoto", 1738], ["44", "大分県", "Oita", 1124],
  ["45", "宮崎県", "Miyazaki", 1070], ["46", "鹿児島県", "Kagoshima", 1588], ["47", "沖縄県", "Okinawa", 1467],
] as const).map(([code, name, nameEn, population]) => ({ code, name, nameEn, population }));

/** The prefectures whose organisation tree is the real one of org-units.json. */
export const REAL_TREES = new Set(["33", "35"]);

export const prefectureByCode = new Map(PREFECTURES.map((p) => [p.code, p]));

/** The JIS X 0402 check digit of a 5-digit municipality code. */
export function municipalityCheckDigit(five: string): number {
  const sum = [...five].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  const r = sum % 11;
  return r === 0 ? 0 : (11 - r) % 10;
}

const DIRECTIONS = ["中央", "北部", "南部", "東部", "西部", "北東", "南西", "沿岸", "山間", "北西", "南東", "湖東", "湖西", "西北", "東南", "中部"];
const PLACES = ["北", "南", "東", "西", "浜", "山", "川", "原", "野", "台", "崎", "島", "岡", "沢", "田", "森", "谷", "松", "桜", "緑", "旭", "朝日", "美里", "富士見", "大和", "青葉", "若葉", "八幡", "高砂", "白石", "本郷", "新田", "中川", "大野", "小松", "清水"];

/** "青森県" → "青森", "東京都" → "東京", "北海道" → "北海" (the stem of generated place names). */
const stemOf = (name: string) => name.replace(/[都道府県]$/, "");

export type GeneratedTree = { regions: number; offices: number; municipalities: number };

/** Two capital letters for the n-th office (AA, AB, …): the case-number prefix, unique in the prefecture. */
const prefixOf = (n: number) => String.fromCharCode(65 + Math.floor(n / 26) % 26) + String.fromCharCode(65 + (n % 26));

/**
 * Insert a generated organisation tree for one prefecture. About 2.2 offices per million people
 * on top of four, so the 45 generated prefectures carry about 450 offices (with 岡山県's 11 and
 * 山口県's 9, about 470 nationally, as many as Japan has 保健所 and 支所).
 */
export function insertGeneratedTree(w: RowSink, rng: Rng, p: PrefectureInfo): GeneratedTree {
  const stem = stemOf(p.name);
  const popM = p.population / 1000;
  const officeCount = Math.round(4 + popM * 2.2);
  const regionCount = Math.max(3, Math.min(14, Math.round(2.5 + popM * 1.1)));
  const region = w.table("regions", ["id", "prefecture_code", "code", "name", "sort"]);
  const office = w.table("health_centers", ["id", "prefecture_code", "region_id", "parent_id", "code", "kind", "name", "sort", "case_prefix"]);
  const muni = w.table("municipalities", ["code", "prefecture_code", "region_id", "health_center_id", "name", "kind", "sort"]);

  const regionIds: string[] = [];
  for (let r = 0; r < regionCount; r++) {
    const code = `r${String(r + 1).padStart(2, "0")}`;
    const id = `${p.code}-${code}`;
    region(id, p.code, code, `${stem}${DIRECTIONS[r % DIRECTIONS.length]}${r >= DIRECTIONS.length ? "第2" : ""}圏域`, r + 1);
    regionIds.push(id);
  }

  // Offices: a designated-city 保健所 (≥ 2.5 million), a core-city one (≥ 1 million), prefectural
  // ones, and one 支所 under every fourth prefectural office.
  type Draft = { code: string; kind: "prefectural" | "prefectural_branch" | "designated_city" | "core_city"; parent: string | null; regionId: string };
  const drafts: Draft[] = [];
  let pref = 0;
  if (popM >= 2.5) drafts.push({ code: "city-1", kind: "designated_city", parent: null, regionId: regionIds[0]! });
  if (popM >= 1) drafts.push({ code: "city-2", kind: "core_city", parent: null, regionId: regionIds[Math.min(1, regionIds.length - 1)]! });
  while (drafts.length < officeCount) {
    pref++;
    const code = `hc${String(pref).padStart(2, "0")}`;
    const regionId = regionIds[(pref - 1) % regionIds.length]!;
    drafts.push({ code, kind: "prefectural", parent: null, regionId });
    if (pref % 4 === 0 && drafts.length < officeCount) drafts.push({ code: `${code}-b`, kind: "prefectural_branch", parent: `${p.code}-${code}`, regionId });
  }

  let muniSeq = 0;
  let citySeq = 200;
  let townSeq = 300;
  let sort = 0;
  const usedNames = new Set<string>();
  const placeName = (kind: string) => {
    for (let k = 0; ; k++) {
      const base = k < PLACES.length ? PLACES[(muniSeq * 7 + k) % PLACES.length]! : `${PLACES[k % PLACES.length]}${PLACES[(k * 5 + muniSeq) % PLACES.length]}`;
      const name = `${stem}${base}${kind === "town" ? "町" : kind === "village" ? "村" : "市"}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const addMunicipality = (kind: "designated_city" | "core_city" | "city" | "town" | "village", regionId: string, officeId: string) => {
    muniSeq++;
    const three = kind === "designated_city" ? 100 : kind === "town" || kind === "village" ? ++townSeq : ++citySeq;
    const five = `${p.code}${String(three).padStart(3, "0")}`;
    const name = placeName(kind);
    muni(`${five}${municipalityCheckDigit(five)}`, p.code, regionId, officeId, name, kind, ++sort);
    return name;
  };

  drafts.forEach((d, i) => {
    const id = `${p.code}-${d.code}`;
    const names: string[] = [];
    if (d.kind === "designated_city" || d.kind === "core_city") {
      names.push(addMunicipality(d.kind, d.regionId, id));
    } else {
      const n = rng.int(2, 6);
      for (let k = 0; k < n; k++) names.push(addMunicipality(rng.weighted({ city: 2, town: 3, village: 1 }), d.regionId, id));
    }
    const first = names[0]!.replace(/[市町村]$/, "");
    const name = d.kind === "prefectural_branch" ? `${first}支所` : d.kind === "prefectural" ? `${first}保健所` : `${names[0]}保健所`;
    office(id, p.code, d.regionId, d.parent, d.code, d.kind, name, i + 1, prefixOf(i));
  });
  return { regions: regionCount, offices: drafts.length, municipalities: muniSeq };
}

const HOSPITAL_WORDS = ["架空", "見本", "仮名", "例示", "試作", "模擬", "想定", "空野", "夢見", "仮置"];
const HOSPITAL_ENDINGS = ["の森病院", "ヶ丘病院", "台病院", "記念こころの病院", "山荘病院", "ヶ原病院", "湖畔病院", "坂病院", "の里病院", "浜病院"];

/**
 * Invented psychiatric hospitals (names that announce themselves as fictional, as the demo's do):
 * about eight per million people, at least four, each in one of the prefecture's municipalities.
 */
export function insertHospitals(w: RowSink, rng: Rng, p: PrefectureInfo, municipalities: readonly string[], createdAt: string): number {
  const n = Math.max(4, Math.round((p.population / 1000) * 8));
  const hospital = w.table("hospitals", ["id", "prefecture_code", "name", "municipality_code", "psych_beds", "active", "version", "created_at", "updated_at"]);
  for (let i = 0; i < n; i++) {
    const word = HOSPITAL_WORDS[i % HOSPITAL_WORDS.length]!;
    const ending = HOSPITAL_ENDINGS[Math.floor(i / HOSPITAL_WORDS.length) % HOSPITAL_ENDINGS.length]!;
    const round = Math.floor(i / (HOSPITAL_WORDS.length * HOSPITAL_ENDINGS.length));
    const name = `${word}${ending}${round > 0 ? `第${round + 1}` : ""}`.replace(/病院第(\d+)$/, "第$1病院");
    hospital(`h-${p.code}-${String(i + 1).padStart(3, "0")}`, p.code, name, rng.pick(municipalities), rng.int(60, 450), 1, 1, createdAt, createdAt);
  }
  return n;
}
