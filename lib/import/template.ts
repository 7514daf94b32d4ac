import "server-only";
import ExcelJS from "exceljs";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, hospitals, outreachCases, peerSupporters } from "@/db/schema";
import { outreachGate } from "@/lib/dal/record-gate";
import type { Actor } from "@/lib/dal/actor";
import { officesInReach } from "@/lib/dal/scope";
import { todayIso } from "@/lib/domain/fiscal-year";
import { toCsv } from "@/lib/export/csv";
import { en } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import { makeTranslate } from "@/lib/i18n/translate";
import { columnsOf, requireImporter } from "./run";
import type { ImportColumn, ImportType } from "./kinds";

const tJa = makeTranslate(ja);

/** The header of a column as the Japanese screens label its field. */
export function japaneseHeader(column: ImportColumn): string {
  return tJa(column.label);
}

/**
 * The template of a type: the Japanese headers and one example row, whose office, hospital and
 * lead are real ones the importer may use (their first office in reach, a hospital of the
 * prefecture, themselves), so the example imports as it is.
 */
export function templateRows(actor: Actor, type: ImportType): string[][] {
  requireImporter(actor, type);
  const columns = columnsOf(type);
  const db = getDb();
  const office = db.select({ name: healthCenters.name }).from(healthCenters).where(inArray(healthCenters.id, officesInReach(actor))).orderBy(asc(healthCenters.sort)).get();
  const hospital = db
    .select({ name: hospitals.name })
    .from(hospitals)
    .where(and(eq(hospitals.prefectureCode, actor.prefectureCode), eq(hospitals.active, true)))
    .orderBy(asc(hospitals.name))
    .get();
  const staff = actor.role === "coordinator" || actor.role === "supervisor";
  const today = todayIso();
  // A peer of the importer's offices registered today, so a dispatch's example names a real one.
  const peer = staff
    ? db
        .select({ code: peerSupporters.displayCode })
        .from(peerSupporters)
        .where(and(inArray(peerSupporters.officeId, officesInReach(actor)), eq(peerSupporters.status, "active"), lte(peerSupporters.registeredOn, today), gte(peerSupporters.expiresOn, today)))
        .orderBy(asc(peerSupporters.displayCode))
        .get()
    : undefined;
  // An open outreach case of the importer's offices, so a contact's example names a real one.
  const openOutreach = staff
    ? db.select({ caseNo: outreachCases.caseNo }).from(outreachCases).where(and(outreachGate.inReach(actor), isNull(outreachCases.endDate))).orderBy(asc(outreachCases.caseNo)).get()
    : undefined;
  const live: Record<string, string | undefined> = {
    officeId: staff ? office?.name : actor.prefectureName.ja,
    hospitalId: hospital?.name,
    coordinatorUserId: actor.displayName,
    ...(type === "dispatches" ? { members: peer?.code, date: today } : {}),
    ...(type === "outreach-contacts" ? { outreachCaseId: openOutreach?.caseNo, date: today } : {}),
  };
  return [columns.map(japaneseHeader), columns.map((c) => live[c.field] ?? c.example)];
}

export function templateCsv(rows: string[][]): string {
  return toCsv(rows);
}

export async function templateXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 18));
  // Every cell is text, so Excel keeps 0-led codes and typed dates as written.
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = "@")));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const tEn = makeTranslate(en);

/** The names a file's header may give a column: its Japanese label (the template's), its English one. */
export function headerNames(column: ImportColumn): string[] {
  return [tJa(column.label), tEn(column.label)];
}
