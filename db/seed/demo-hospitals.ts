/**
 * Invented psychiatric hospitals (精神科病院) for the demo data. Every name is built from a
 * word meaning "fictional", "sample" or "example" (架空, 見本, 仮名, 例示, 試作, 模擬, 想定 …)
 * so that nobody can take one for a real hospital. Municipality codes are real (from
 * org-units.json) so that the hospitals sit in a region of their prefecture.
 */
export type DemoHospital = {
  id: string;
  prefectureCode: string;
  name: string;
  municipalityCode: string;
  psychBeds: number;
};

export const DEMO_HOSPITAL_TIMESTAMP = "2019-04-01T00:00:00.000Z";

export const DEMO_HOSPITALS: readonly DemoHospital[] = [
  // 岡山県
  { id: "h-33-01", prefectureCode: "33", name: "架空の森病院", municipalityCode: "331007", psychBeds: 320 }, // 岡山市
  { id: "h-33-02", prefectureCode: "33", name: "見本ヶ丘病院", municipalityCode: "332020", psychBeds: 260 }, // 倉敷市
  { id: "h-33-03", prefectureCode: "33", name: "仮名台メンタルクリニック病院", municipalityCode: "332046", psychBeds: 120 }, // 玉野市
  { id: "h-33-04", prefectureCode: "33", name: "例示記念こころの病院", municipalityCode: "332038", psychBeds: 240 }, // 津山市
  { id: "h-33-05", prefectureCode: "33", name: "試作山荘病院", municipalityCode: "332097", psychBeds: 150 }, // 高梁市
  { id: "h-33-06", prefectureCode: "33", name: "模擬ヶ原病院", municipalityCode: "332143", psychBeds: 110 }, // 真庭市
  { id: "h-33-07", prefectureCode: "33", name: "想定湖畔病院", municipalityCode: "332054", psychBeds: 180 }, // 笠岡市
  { id: "h-33-08", prefectureCode: "33", name: "空野台デモ病院", municipalityCode: "332119", psychBeds: 90 }, // 備前市
  { id: "h-33-09", prefectureCode: "33", name: "夢見坂サンプル病院", municipalityCode: "332151", psychBeds: 100 }, // 美作市
  { id: "h-33-10", prefectureCode: "33", name: "仮置の里病院", municipalityCode: "332100", psychBeds: 85 }, // 新見市
  // 山口県
  { id: "h-35-01", prefectureCode: "35", name: "架空浜病院", municipalityCode: "352012", psychBeds: 380 }, // 下関市
  { id: "h-35-02", prefectureCode: "35", name: "見本台こころの病院", municipalityCode: "352020", psychBeds: 300 }, // 宇部市
  { id: "h-35-03", prefectureCode: "35", name: "仮名山病院", municipalityCode: "352039", psychBeds: 220 }, // 山口市
  { id: "h-35-04", prefectureCode: "35", name: "例示の杜病院", municipalityCode: "352080", psychBeds: 200 }, // 岩国市
  { id: "h-35-05", prefectureCode: "35", name: "試作ヶ浦メンタルクリニック病院", municipalityCode: "352152", psychBeds: 260 }, // 周南市
  { id: "h-35-06", prefectureCode: "35", name: "模擬岬病院", municipalityCode: "352047", psychBeds: 130 }, // 萩市
  { id: "h-35-07", prefectureCode: "35", name: "想定ヶ丘サンプル病院", municipalityCode: "352110", psychBeds: 95 }, // 長門市
  { id: "h-35-08", prefectureCode: "35", name: "名無ノ里病院", municipalityCode: "352128", psychBeds: 140 }, // 柳井市
  { id: "h-35-09", prefectureCode: "35", name: "空野原デモ病院", municipalityCode: "352063", psychBeds: 160 }, // 防府市
];
