import { z } from "zod";
import { KYOGI_FORMS, type KyogiForm } from "@/lib/domain/activity-codes";
import {
  hostelMonthIssues,
  monthsOfFiscalYear,
  normalizeCount,
  phoneMonthIssues,
  PHONE_BAND_FIELDS,
  PHONE_CALLER_FIELDS,
  PHONE_RESPONSE_FIELDS,
  PHONE_TOPIC_FIELDS,
  type HostelMonthFigures,
  type PhoneMonthFigures,
} from "@/lib/domain/activity-rules";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { parseJapaneseDate } from "@/lib/domain/japanese-date";
import { isNotAfterToday } from "./dates";
import { TEXT_LIMITS, textTooLong } from "./fields";
import { cellName } from "./field-names";

/*
 * The prefecture's year tables: every municipality's 協議の場 status for one fiscal year, and
 * the twelve months of the phone line and the hostel. Each table is one form saved at once.
 * Cell inputs are named `<field>_<row>` (`exists_331007`, `callsTotal_2021-04`) so that an
 * error points at exactly one cell; the schemas read the whole FormData object and report
 * every problem of every row in one go.
 */

const V = "activities.validation";

type Raw = Record<string, string | string[] | undefined>;
const one = (raw: Raw, key: string): string => {
  const v = raw[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};

export { cellName } from "./field-names";

/** "" → null; digits (full width allowed) → number; anything else → the error key. */
function readCount(text: string, max: number): number | null | { error: string } {
  const t = normalizeCount(text);
  if (t === "") return null;
  if (!/^\d+$/.test(t)) return { error: `${V}.countFormat` };
  const n = Number(t);
  return n > max ? { error: `${V}.countTooLarge` } : n;
}

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

// ---------------------------------------------------------------------------------------
// Municipal 協議の場 status

export type MunicipalStatusRowInput = {
  municipalityCode: string;
  /** The version the form was loaded with; 0 for a municipality without a row yet. */
  version: number;
  exists: boolean;
  form: KyogiForm | null;
  establishedOn: string | null;
  meetingsHeld: number | null;
  note: string | null;
};

/** 訂正の理由 sent with a table of a locked year (ADR 0025): trimmed, empty → none. */
function reasonOf(raw: Record<string, string | string[] | undefined>): string | undefined {
  return one(raw, "restatementReason").trim() || undefined;
}

export type MunicipalStatusTableInput = { fiscalYear: number; rows: MunicipalStatusRowInput[]; restatementReason?: string };

export const MunicipalStatusTableSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()).transform((raw, ctx): MunicipalStatusTableInput => {
  const fiscalYear = Number(one(raw, "fiscalYear"));
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2099) {
    ctx.addIssue({ code: "custom", path: ["fiscalYear"], message: `${V}.fiscalYearInvalid` });
    return z.NEVER;
  }
  const fyEnd = fiscalYearRange(fiscalYear).end;
  const codes = one(raw, "codes").split(",").filter(Boolean);
  const rows: MunicipalStatusRowInput[] = [];
  for (const code of codes) {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [cellName(field, code)], message });
    const exists = one(raw, cellName("exists", code)) === "on";
    const formText = one(raw, cellName("form", code));
    const form = (KYOGI_FORMS as readonly string[]).includes(formText) ? (formText as KyogiForm) : null;
    if (formText && !form) issue("form", `${V}.kyogiStatus.formInvalid`);
    const dateText = one(raw, cellName("established", code));
    let establishedOn: string | null = null;
    if (dateText.trim()) {
      const parsed = parseJapaneseDate(dateText);
      if (!parsed.ok) issue("established", `validation.date.${parsed.error}`);
      else if (parsed.iso > fyEnd) issue("established", `${V}.kyogiStatus.establishedAfterYear`);
      else if (!isNotAfterToday(parsed.iso)) issue("established", "validation.date.future");
      else establishedOn = parsed.iso;
    }
    const meetings = readCount(one(raw, cellName("meetings", code)), 999);
    if (isError(meetings)) issue("meetings", meetings.error);
    const note = one(raw, cellName("note", code)).trim();
    if (note.length > TEXT_LIMITS.note) issue("note", textTooLong("note"));
    if (exists && !form && !formText) issue("form", `${V}.kyogiStatus.formRequired`);
    if (!exists && (formText || dateText.trim())) issue("exists", `${V}.kyogiStatus.detailsWithoutKyogi`);
    if (!exists && typeof meetings === "number" && meetings > 0) issue("meetings", `${V}.kyogiStatus.meetingsWithoutKyogi`);
    rows.push({
      municipalityCode: code,
      version: Number(one(raw, cellName("version", code))) || 0,
      exists,
      form: exists ? form : null,
      establishedOn: exists ? establishedOn : null,
      meetingsHeld: isError(meetings) ? null : meetings,
      note: note || null,
    });
  }
  return { fiscalYear, rows, restatementReason: reasonOf(raw) };
});

// ---------------------------------------------------------------------------------------
// Monthly figures

export const PHONE_FIELDS = ["callsTotal", "uniqueCallers", ...PHONE_BAND_FIELDS, ...PHONE_CALLER_FIELDS, ...PHONE_TOPIC_FIELDS, ...PHONE_RESPONSE_FIELDS] as const;
export type PhoneField = (typeof PHONE_FIELDS)[number];

export const HOSTEL_FIELDS = ["rooms", "uniqueUsers", "stays", "nightsRest", "nightsRefuge", "nightsTrialStay", "newRegistrations", "consultations"] as const;
export type HostelField = (typeof HOSTEL_FIELDS)[number];

/** Where each arithmetic problem is reported: the first cell of the breakdown that broke. */
const PHONE_ISSUE_CELL = {
  uniqueAboveTotal: "uniqueCallers",
  bandsMismatch: "bandDay",
  callersMismatch: "callerSelf",
  responsesMismatch: "responseAdvice",
  topicsBelowTotal: "topicSymptoms",
} as const;

const HOSTEL_ISSUE_CELL = {
  uniqueAboveStays: "uniqueUsers",
  staysWithoutUsers: "uniqueUsers",
  nightsAboveCapacity: "nightsRest",
} as const;

export type MonthRow<F> = F & { month: string; version: number; note: string | null };
export type PhoneTableInput = { fiscalYear: number; rows: MonthRow<PhoneMonthFigures>[]; restatementReason?: string };
export type HostelTableInput = { fiscalYear: number; rows: MonthRow<HostelMonthFigures>[]; restatementReason?: string };

function readFiscalYear(raw: Raw, ctx: z.RefinementCtx): number | null {
  const fy = Number(one(raw, "fiscalYear"));
  if (!Number.isInteger(fy) || fy < 2000 || fy > 2099) {
    ctx.addIssue({ code: "custom", path: ["fiscalYear"], message: `${V}.fiscalYearInvalid` });
    return null;
  }
  return fy;
}

/**
 * Read one month's cells. A month whose cells are all empty was not reported and is left out
 * (undefined: an empty month is "no report yet", not "zero calls"); a month with any figure
 * needs its total, and its empty breakdown cells count as 0. Null when a cell is in error.
 */
function readMonth<F extends string>(
  raw: Raw,
  month: string,
  fields: readonly F[],
  totalField: F,
  optional: readonly F[],
  defaults: Partial<Record<F, number>>,
  issue: (field: string, message: string) => void,
): Record<F, number | null> | null | undefined {
  const texts = fields.map((f) => one(raw, cellName(f, month)));
  const given = fields.filter((f, i) => texts[i]!.trim() !== "" && !(f in defaults && Number(texts[i]!.trim().normalize("NFKC")) === defaults[f]));
  if (given.length === 0) return undefined;
  const values = {} as Record<F, number | null>;
  let ok = true;
  fields.forEach((f, i) => {
    const v = readCount(texts[i]!, 99999);
    if (isError(v)) {
      issue(f, v.error);
      ok = false;
      values[f] = null;
    } else values[f] = v ?? (optional.includes(f) ? null : (defaults[f] ?? 0));
  });
  if (texts[fields.indexOf(totalField)]!.trim() === "") {
    issue(totalField, `${V}.monthly.totalRequired`);
    ok = false;
  }
  return ok ? values : null;
}

export const PhoneTableSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()).transform((raw, ctx): PhoneTableInput => {
  const fiscalYear = readFiscalYear(raw, ctx);
  if (fiscalYear === null) return z.NEVER;
  const rows: PhoneTableInput["rows"] = [];
  for (const month of monthsOfFiscalYear(fiscalYear)) {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [cellName(field, month)], message });
    const values = readMonth(raw, month, PHONE_FIELDS, "callsTotal", ["uniqueCallers"], {}, issue);
    if (values === undefined) {
      if (Number(one(raw, cellName("version", month))) > 0) issue("callsTotal", `${V}.monthly.cannotClear`);
      continue;
    }
    if (!values) continue;
    const figures = values as unknown as PhoneMonthFigures;
    for (const problem of phoneMonthIssues(figures)) issue(PHONE_ISSUE_CELL[problem], `${V}.monthly.phone.${problem}`);
    rows.push({ ...figures, month, version: Number(one(raw, cellName("version", month))) || 0, note: one(raw, cellName("note", month)).trim() || null });
  }
  return { fiscalYear, rows, restatementReason: reasonOf(raw) };
});

export const HostelTableSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()).transform((raw, ctx): HostelTableInput => {
  const fiscalYear = readFiscalYear(raw, ctx);
  if (fiscalYear === null) return z.NEVER;
  const rows: HostelTableInput["rows"] = [];
  for (const month of monthsOfFiscalYear(fiscalYear)) {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [cellName(field, month)], message });
    // The room count is pre-filled (2); a month where only it is filled is still unreported.
    const values = readMonth(raw, month, HOSTEL_FIELDS, "stays", [], { rooms: 2 }, issue);
    if (values === undefined) {
      if (Number(one(raw, cellName("version", month))) > 0) issue("stays", `${V}.monthly.cannotClear`);
      continue;
    }
    if (!values) continue;
    const figures = values as unknown as HostelMonthFigures;
    if (figures.rooms < 1) {
      issue("rooms", `${V}.monthly.hostel.roomsRequired`);
      continue;
    }
    for (const problem of hostelMonthIssues(month, figures)) issue(HOSTEL_ISSUE_CELL[problem], `${V}.monthly.hostel.${problem}`);
    rows.push({ ...figures, month, version: Number(one(raw, cellName("version", month))) || 0, note: one(raw, cellName("note", month)).trim() || null });
  }
  return { fiscalYear, rows, restatementReason: reasonOf(raw) };
});
