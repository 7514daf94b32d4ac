import "server-only";
import type { AuditEntityType } from "@/lib/domain/codes";
import { ulid } from "ulid";
import { auditChainOf, currentAuditFrame, getDb, type Db, type Tx } from "@/db/client";
import { lastLink, nextLink, readHead, resetHead, verifyAuditChain, type ChainRow, type VerifyReport } from "@/lib/dal/audit-chain";
import { auditLogs } from "@/db/schema";
import { and, count, eq, gte, type SQL } from "drizzle-orm";
import type { AuditAction, Role } from "@/lib/domain/codes";
import { keyring } from "@/lib/crypto/keyring";
import type Database from "better-sqlite3";
import { preparedOnce } from "@/db/statement-cache";

export type AuditActor = {
  id: string | null;
  username: string;
  role: Role | null;
  prefectureCode: string | null;
  ip: string | null;
};

export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Append one audit row. Takes a transaction handle on purpose: the row must commit or
 * roll back together with the change it records. The row is linked into the audit chain
 * (ADR 0035): the previous link is read inside this same write transaction (BEGIN IMMEDIATE),
 * so no other writer can slip a row in between; the chain's head moves after the commit.
 */
export function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): void {
  const frame = currentAuditFrame();
  const row: ChainRow = {
    id: ulid(),
    at: new Date().toISOString(),
    actor_user_id: actor.id,
    actor_username: actor.username,
    actor_role: actor.role,
    prefecture_code: actor.prefectureCode,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    detail: entry.detail ? JSON.stringify(sealDetail(entry.detail)) : null,
    ip: actor.ip,
  };
  const link = nextLink(frame.chain.key, lastLink(frame.sqlite), row);
  // One statement prepared once per connection (not a drizzle insert built on every call): every
  // list view writes a row, so this is on the hot path of most pages (ADR 0050). It runs on the
  // connection `tx` belongs to, inside the same transaction.
  insertAuditStatement(frame.sqlite).run({ ...row, chain_seq: link.seq, chain_hash: link.hash });
  frame.appended = true;
}

function insertAuditStatement(sqlite: Database.Database): Database.Statement {
  return preparedOnce(
    sqlite,
    `INSERT INTO audit_logs (id, at, actor_user_id, actor_username, actor_role, prefecture_code, action, entity_type, entity_id, detail, ip, chain_seq, chain_hash)
       VALUES (@id, @at, @actor_user_id, @actor_username, @actor_role, @prefecture_code, @action, @entity_type, @entity_id, @detail, @ip, @chain_seq, @chain_hash)`,
  );
}

// ---------------------------------------------------------------------------------------
// Detail encrypted at rest (ADR 0040)

/**
 * The keys of a `detail` whose values can hold identity or free text: a change's old and new
 * values, a deleted row's snapshot, a note or text typed by a user. With a list search's query
 * (`filter.q`, a kana or a name) they are stored as one envelope under `sealed` (with the id of
 * its key), the rest of the detail stays plain JSON so that SQL can still read the ids and flags.
 * The audit chain's HMAC covers the stored text, envelope included.
 */
export const SEALED_DETAIL_KEYS = ["changes", "snapshot", "note", "text"] as const;

export function sealDetail(detail: Record<string, unknown>): Record<string, unknown> {
  const open: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if ((SEALED_DETAIL_KEYS as readonly string[]).includes(key) && value !== undefined && value !== null) secret[key] = value;
    else if (key === "filter" && value && typeof value === "object" && typeof (value as { q?: unknown }).q === "string" && (value as { q: string }).q !== "") {
      const { q, ...rest } = value as { q: string };
      secret.q = q;
      open.filter = rest;
    } else open[key] = value;
  }
  if (Object.keys(secret).length === 0) return detail;
  return { ...open, sealed: keyring().encrypt(JSON.stringify(secret)) };
}

/**
 * The one reader of an audit row's detail: the stored JSON with its sealed part decrypted and put
 * back where it was (any key of the ring: rows written before a rotation stay readable). Every
 * display of audit detail reads it through here. A sealed part whose key is lost reads as
 * `{ sealedUnreadable: true }` beside the plain part, never as an error page.
 */
export function readAuditDetail(row: { detail: string | null }): Record<string, unknown> | null {
  if (!row.detail) return null;
  let stored: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(row.detail);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    stored = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const { sealed, ...open } = stored;
  if (typeof sealed !== "string") return stored;
  let secret: Record<string, unknown>;
  try {
    secret = JSON.parse(keyring().decrypt(sealed)) as Record<string, unknown>;
  } catch {
    return { ...open, sealedUnreadable: true };
  }
  const { q, ...rest } = secret;
  const filter = q === undefined ? open.filter : { ...((open.filter as Record<string, unknown> | undefined) ?? {}), q };
  return { ...open, ...rest, ...(filter === undefined ? {} : { filter }) };
}

/** readAuditDetail as the JSON text the trail components take. */
export function readAuditDetailText(row: { detail: string | null }): string | null {
  const detail = readAuditDetail(row);
  return detail ? JSON.stringify(detail) : null;
}

/**
 * Record that names were shown (a list page, a record, a form's pickers): a read of
 * identifiable data is audited like a write (house habit 4), in a transaction of its own.
 */
export function auditView(actor: AuditActor, entry: Omit<AuditEntry, "action">): void {
  getDb().transaction((tx) => writeAudit(tx, actor, { action: "view", ...entry }));
}

/** Field-by-field diff for update audits: `{ field: [before, after] }`, unchanged fields left out. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a ?? null, b ?? null];
  }
  return changes;
}

/** The actor of changes made by the system itself, not by a signed-in user (a restore from the command line). */
export const SYSTEM_ACTOR: AuditActor = { id: null, username: "system", role: null, prefectureCode: null, ip: null };

/**
 * Adopt a database restored from a backup (ADR 0035). The head file beside the database still
 * names the chain of the database that was replaced, so the app would treat the restored one as
 * cut short and leave the head alone. This checks the restored file's chain, writes its head and
 * records the restore in the audit log (with the head it replaced and what the check found).
 *
 * The backup/restore of the data issue calls it right after putting the restored file in place
 * and opening it; until then, `npm run audit:verify -- --adopt-restore <backup name>` does.
 * A broken chain does not stop the adoption (the data may have to come back anyway), but the
 * problems are returned and written into the restore's audit row.
 */
export function adoptRestoredDatabase(db: Db, actor: AuditActor, source: string): VerifyReport {
  const { sqlite, chain } = auditChainOf(db);
  const before = readHead(chain.heads, chain.key);
  const restoredHead = resetHead(sqlite, chain);
  const report = verifyAuditChain(sqlite, chain);
  db.transaction((tx) =>
    writeAudit(tx, actor, {
      action: "update",
      entityType: "database",
      detail: {
        event: "restore",
        source,
        replacedHead: before.state === "missing" ? null : before.head,
        restoredHead,
        chainOk: report.ok,
        problems: report.problems,
      },
    }),
  );
  return report;
}

/**
 * How many audit rows of the user's match `conditions` in the hour before `now`: what the hourly
 * limits (imports, list exports, audit-log exports) count, each from its own rows of the log.
 */
export function auditRowsInLastHour(actorUserId: string, conditions: (SQL | undefined)[], now: Date = new Date()): number {
  const since = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
  const [{ n }] = getDb()
    .select({ n: count() })
    .from(auditLogs)
    .where(and(eq(auditLogs.actorUserId, actorUserId), gte(auditLogs.at, since), ...conditions))
    .all() as [{ n: number }];
  return n;
}
