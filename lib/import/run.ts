import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/dal/actor";
import { auditRowsInLastHour, writeAudit } from "@/lib/dal/audit";
import { AppError, isAppError } from "@/lib/dal/errors";
import { caseImport, ImportRowError } from "./cases";
import { meetingImport } from "./meetings";
import { dispatchFormValues, dispatchImport } from "./dispatches";
import { outreachContactFormValues, outreachContactImport } from "./outreach-contacts";
import { excelSerialToIso, normaliseCell, readUpload, MAX_IMPORT_ROWS, type FileProblem, type Table } from "./file";
import type { ImportColumn, ImportType } from "./kinds";
import { lookupsFor, type Lookups } from "./lookups";

/*
 * The import of one file (ADR 0043). Every row goes through the same schema and DAL call as the
 * typed form, each in a savepoint of one transaction: a row the DAL refuses rolls back alone and
 * its AppError becomes that row's errors; every row is tried, so every problem is reported at
 * once. Preview and a commit with any error roll the whole transaction back (nothing written, the
 * audit chain's head not moved); a clean commit keeps it, with one audit row for the import.
 */

export type RowOutcome = "create" | "update" | "unchanged";
export type ImportMode = "preview" | "commit";

/** One problem: the row as the user counts it (header = 1; 0 = the file), the column's header, the value, a catalog key. */
export type ImportIssue = { row: number; column: string; value: string; messageKey: string };

export type ImportResult =
  | { ok: true; committed: boolean; rows: number; create: number; update: number; unchanged: number; errors: ImportIssue[] }
  | { ok: false; reason: "throttled"; limit: number }
  | { ok: false; reason: "file"; problem: FileProblem; limit?: number };

type ImportKind = {
  columns: readonly ImportColumn[];
  schema: z.ZodType;
  formValues(cells: Record<string, string>, lookups: Lookups, problem: (field: string, messageKey: string) => void): Record<string, string | string[]>;
  /** `values`: the form's values as sent to the schema (for an update, parsed again with the update schema). */
  apply(actor: Actor, input: never, values: Record<string, string | string[]>): RowOutcome;
  /** The column a schema path or DAL field key belongs to, when it is not a column's own field. */
  columnOf?(field: string): string;
};

/** Each type, and the permissions any one of which lets a user create (so import) it. */
function kindsFor(actor: Actor): Partial<Record<ImportType, { kind: ImportKind; permission: readonly Permission[] }>> {
  return {
    ...KINDS,
    dispatches: { kind: { ...dispatchImport, formValues: dispatchFormValues(actor) } as unknown as ImportKind, permission: ["write:dispatch:reach"] },
    "outreach-contacts": { kind: { ...outreachContactImport, formValues: outreachContactFormValues(actor) } as unknown as ImportKind, permission: ["write:outreach:reach"] },
  };
}

const KINDS: Partial<Record<ImportType, { kind: ImportKind; permission: readonly Permission[] }>> = {
  cases: { kind: caseImport as unknown as ImportKind, permission: ["write:case:reach"] },
  meetings: { kind: meetingImport as unknown as ImportKind, permission: ["write:activity:reach", "write:prefecture-activity:prefecture"] },
  // The file's peers and case are looked up for the importer (kindsFor): a placeholder mapper here.
  dispatches: { kind: dispatchImport as unknown as ImportKind, permission: ["write:dispatch:reach"] },
  "outreach-contacts": { kind: outreachContactImport as unknown as ImportKind, permission: ["write:outreach:reach"] },
};

export const DEFAULT_IMPORTS_PER_HOUR = 30;

/** How many imports (previews and commits) one user may run in an hour: TSUNAGU_IMPORTS_PER_HOUR, else 30. */
export function importsPerHour(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TSUNAGU_IMPORTS_PER_HOUR?.trim();
  const n = raw && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_IMPORTS_PER_HOUR;
}

/** Whether the actor may import this type (the page's tabs). */
export function mayImport(actor: Pick<Actor, "role">, type: ImportType): boolean {
  return !!KINDS[type]?.permission.some((p) => can(actor.role, p));
}

export function columnsOf(type: ImportType): readonly ImportColumn[] {
  const entry = KINDS[type];
  if (!entry) throw new AppError("not_found", "errors.notFound");
  return entry.kind.columns;
}

/** Whoever may create the record type may import it (coordinators and supervisors of the office). */
export function requireImporter(actor: Actor, type: ImportType): void {
  const entry = KINDS[type];
  if (!entry) throw new AppError("not_found", "errors.notFound");
  if (!entry.permission.some((p) => can(actor.role, p))) throw new AppError("forbidden", "errors.apiForbidden");
}

export type ImportOptions = {
  mode: ImportMode;
  fileName?: string;
  /** 訂正の理由 for rows dated in a locked year (ADR 0025), as the form asks for it. */
  restatementReason?: string;
  /** Header labels in both languages, to match the file's header row (the catalog's labels). */
  headerNames: (column: ImportColumn) => string[];
  /** How the errors name the page's reason input (the 訂正の理由 field is not a column). */
  reasonLabel?: string;
  importsPerHour?: number;
  maxRows?: number;
  now?: Date;
};

class Rollback extends Error {}

export async function runImport(actor: Actor, type: ImportType, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  requireImporter(actor, type);
  const { kind } = kindsFor(actor)[type]!;
  const db = getDb();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const limit = options.importsPerHour ?? importsPerHour();
  const now = options.now ?? new Date();
  const base = { type, mode: options.mode, sha256, bytes: bytes.length };

  // The throttle is counted and, when over, the refusal logged in one IMMEDIATE transaction.
  const throttled = db.transaction((tx) => {
    if (recentImports(actor, now) < limit) return false;
    writeAudit(tx, actor, { action: "view", entityType: "import", detail: { ...base, refused: "rate_limit", limit } });
    return true;
  });
  if (throttled) return { ok: false, reason: "throttled", limit };

  const read = await readUpload(bytes, { fileName: options.fileName, maxRows: options.maxRows ?? MAX_IMPORT_ROWS });
  if (!read.ok) {
    db.transaction((tx) => writeAudit(tx, actor, { action: "view", entityType: "import", detail: { ...base, refused: read.problem } }));
    return { ok: false, reason: "file", problem: read.problem, ...(read.limit ? { limit: read.limit } : {}) };
  }
  const table = read.table;
  const errors: ImportIssue[] = [];
  const counts = { create: 0, update: 0, unchanged: 0 };
  const columnIndex = mapHeaders(table, kind.columns, options.headerNames, errors);
  const headerOf = (raw: string) => {
    const field = kind.columnOf ? kind.columnOf(raw) : raw;
    const i = columnIndex.get(field);
    const column = kind.columns.find((c) => c.field === field);
    if (field === "restatementReason") return options.reasonLabel ?? field;
    return i !== undefined ? table.headers[i]! : column ? options.headerNames(column)[0]! : field;
  };

  let committed = false;
  try {
    db.transaction((tx) => {
      const lookups = lookupsFor(actor);
      // No column recognised (another type's file, a wrong encoding): the rows are not checked, the one message says why.
      for (const line of columnIndex.size === 0 ? [] : table.rows) {
        const before = errors.length;
        for (const p of table.problems.filter((p) => p.row === line.row)) {
          errors.push({ row: p.row, column: p.column === null ? "" : (table.headers[p.column] ?? ""), value: p.value, messageKey: p.messageKey });
        }
        if (errors.length > before) continue;
        const cells: Record<string, string> = {};
        for (const [field, i] of columnIndex) cells[field] = line.cells[i] ?? "";
        if (table.format === "xlsx") {
          for (const c of kind.columns) if (c.date && /^\d+(\.\d+)?$/.test(cells[c.field] ?? "")) cells[c.field] = excelSerialToIso(Number(cells[c.field])) ?? cells[c.field]!;
        }
        const mapped: ImportIssue[] = [];
        const values = kind.formValues(cells, lookups, (field, messageKey) => mapped.push({ row: line.row, column: headerOf(field), value: cells[field] ?? "", messageKey }));
        if (options.restatementReason) values.restatementReason = options.restatementReason;
        const parsed = kind.schema.safeParse(values);
        errors.push(...mapped);
        if (!parsed.success) {
          const seen = new Set<string>();
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? "");
            if (seen.has(field + issue.message) || mapped.some((m) => m.column === headerOf(field))) continue;
            seen.add(field + issue.message);
            errors.push({ row: line.row, column: field ? headerOf(field) : "", value: cells[kind.columnOf?.(field) ?? field] ?? "", messageKey: issue.message });
          }
          continue;
        }
        if (mapped.length) continue;
        try {
          const outcome = db.transaction(() => kind.apply(actor, parsed.data as never, values));
          counts[outcome] += 1;
        } catch (e) {
          if (e instanceof ImportRowError) {
            errors.push({ row: line.row, column: e.field ? headerOf(e.field) : "", value: e.field ? (cells[e.field] ?? "") : "", messageKey: e.messageKey });
          } else if (isAppError(e)) {
            const fields = Object.entries(e.fieldErrors);
            if (fields.length === 0) errors.push({ row: line.row, column: "", value: "", messageKey: e.messageKey });
            for (const [field, key] of fields) errors.push({ row: line.row, column: headerOf(field), value: field === "restatementReason" ? (options.restatementReason ?? "") : (cells[kind.columnOf?.(field) ?? field] ?? ""), messageKey: key });
          } else throw e;
        }
      }
      if (options.mode === "preview" || errors.length > 0) throw new Rollback();
      writeAudit(tx, actor, { action: "create", entityType: "import", detail: { ...base, format: table.format, encoding: table.encoding, rows: table.rows.length, ...counts } });
      committed = true;
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (!committed) {
    db.transaction((tx) =>
      writeAudit(tx, actor, {
        action: "view",
        entityType: "import",
        detail: { ...base, format: table.format, encoding: table.encoding, rows: table.rows.length, ...counts, errors: errors.length, ...(options.mode === "commit" ? { refused: "row_errors" } : {}) },
      }),
    );
  }
  // A refused commit counts nothing as created or updated: nothing was.
  const reported = committed || options.mode === "preview" ? counts : { create: 0, update: 0, unchanged: 0 };
  return { ok: true, committed, rows: table.rows.length, ...reported, errors };
}

/**
 * Column index by field, from the header row: the form's label in either language, or the field's
 * own key. An unknown header and a missing required column are errors of row 1.
 */
function mapHeaders(table: Table, columns: readonly ImportColumn[], names: (column: ImportColumn) => string[], errors: ImportIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  const squash = (s: string) => normaliseCell(s).replace(/[\s\u3000]/g, "").replace(/\(必須\)$/, "");
  const known = (header: string) => columns.some((c) => [c.field, ...names(c)].some((n) => squash(n) === squash(header)));
  // Not one header known: another type's file, or text in an encoding read wrongly. One message says so.
  if (!table.headers.some(known)) {
    errors.push({ row: 1, column: "", value: table.headers.slice(0, 3).join(", "), messageKey: "import.header.noneKnown" });
    return index;
  }
  table.headers.forEach((header, i) => {
    if (header === "") return;
    const column = columns.find((c) => [c.field, ...names(c)].some((n) => squash(n) === squash(header)));
    if (!column) errors.push({ row: 1, column: header, value: header, messageKey: "import.header.unknown" });
    else if (index.has(column.field)) errors.push({ row: 1, column: header, value: header, messageKey: "import.header.duplicate" });
    else index.set(column.field, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.field)) errors.push({ row: 1, column: names(c)[0]!, value: "", messageKey: "import.header.missing" });
  }
  return index;
}

/** Imports by this user in the last hour (refused attempts are logged but not counted). */
function recentImports(actor: Actor, now: Date): number {
  return auditRowsInLastHour(
    actor.id,
    [eq(auditLogs.entityType, "import"), sql`(json_extract(${auditLogs.detail}, '$.refused') IS NULL OR json_extract(${auditLogs.detail}, '$.refused') = 'row_errors')`],
    now,
  );
}
