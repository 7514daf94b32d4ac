import "server-only";
import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, personIdentities, persons } from "@/db/schema";
import { normalizeKana } from "@/lib/domain/kana";
import { fullKana, fullName } from "@/lib/domain/person-name";
import type { Actor } from "./actor";
import { auditView, writeAudit } from "./audit";
import { AppError } from "./errors";
import { assertOfficeInReach } from "./org-checks";
import { allRecordsOf, NAMED_PERSON, personInReach, PURPOSES, reachOf, recordsInReachOf, recordsOfPersonInReach, requirePurpose, toPersonRecord, type KnownPerson, type PersonPurpose } from "./persons";
import { inPrefecture } from "./scope";
import { byKana } from "./name-order";
import { personKanaStartsWith } from "./name-tokens";

/*
 * Finding a person who may already be registered: the duplicate check before a new case or
 * outreach case, and the picker that opens a record for someone known. Both follow the rule of
 * ADR 0024 (lib/dal/persons.ts): names only within reach; outside it, no more than that an office
 * holds a possible match. Every lookup is audited; the duplicate check is throttled per user.
 */

/**
 * What the duplicate check answers. `known`: matching persons in reach, named, with their records
 * there. `elsewhere`: one line per office outside reach holding a record of a matching person
 * nobody in reach holds, the office's name only (no number, phase, date or name), so the user
 * can call that office.
 */
export type PersonMatches = { known: KnownPerson[]; elsewhere: { officeName: string }[] };

// ---------------------------------------------------------------------------------------
// The duplicate check

export const DEFAULT_PERSON_CHECKS_PER_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;
/** Persons looked at per check: the same kana and birth month rarely gives more than a few. */
const MAX_MATCHED_PERSONS = 20;

/**
 * How many duplicate checks one user may run in an hour: `TSUNAGU_PERSON_CHECKS_PER_HOUR`
 * (a positive whole number) read at each call, else 60, far above an honest day's registrations.
 */
export function personChecksPerHour(): number {
  const raw = process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR?.trim();
  const n = raw && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_PERSON_CHECKS_PER_HOUR;
}

export type PersonCheckQuery = {
  purpose: PersonPurpose;
  /** The office the new record is for: checked to be in reach before anything is looked up. */
  officeId: string;
  /** The reading as typed (any kana form, spaces allowed). */
  kana: string;
  /** 'YYYY-MM'. */
  birthYearMonth: string;
};

/**
 * Persons of the prefecture with the same kana and birth month as a person about to be
 * registered. In order: the permission, the submitted office (not in reach: its field error and
 * no lookup), the throttle (over the limit: refused, no lookup), then one transaction that looks,
 * writes one audit row for the check and a `view` row on every matched record (so the holding
 * office's 閲覧・変更履歴 shows that someone checked), and answers by the rule of ADR 0024.
 * `checksPerHour` overrides the configured limit (imports, tests).
 */
export function findPersonMatchesForActor(actor: Actor, query: PersonCheckQuery, options: { checksPerHour?: number } = {}): PersonMatches {
  requirePurpose(actor, query.purpose);
  const office = assertOfficeInReach(actor, query.officeId, PURPOSES[query.purpose].officeInvalid);
  const key = normalizeKana(query.kana);
  if (!key || !/^\d{4}-\d{2}$/.test(query.birthYearMonth)) return { known: [], elsewhere: [] };
  const limit = options.checksPerHour ?? personChecksPerHour();
  const reach = reachOf(actor);
  const db = getDb();

  // IMMEDIATE: the count and the row that adds to it are one step, even across processes.
  const result = db.transaction(
    (tx) => {
      const since = new Date(Date.now() - HOUR_MS).toISOString();
      const [{ n: done }] = tx
        .select({ n: count() })
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.actorUserId, actor.id),
            eq(auditLogs.entityType, "person_duplicate_check"),
            gte(auditLogs.at, since),
            // Refused attempts are logged too, but do not keep the user locked out.
            sql`json_extract(${auditLogs.detail}, '$.refused') IS NULL`,
          ),
        )
        .all() as [{ n: number }];
      if (done >= limit) {
        writeAudit(tx, actor, { action: "view", entityType: "person_duplicate_check", detail: { for: query.purpose, byOfficeId: office.id, refused: "rate_limit", limit } });
        return null;
      }

      const personIds = tx
        .select({ id: persons.id })
        .from(persons)
        .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
        .where(and(inPrefecture(actor, persons.prefectureCode), eq(personIdentities.kanaKey, key), eq(persons.birthYearMonth, query.birthYearMonth)))
        .orderBy(asc(persons.id))
        .limit(MAX_MATCHED_PERSONS)
        .all()
        .map((r) => r.id);
      const records = allRecordsOf(tx, personIds);
      const knownIds = new Set(records.filter((r) => reach.has(r.officeId)).map((r) => r.personId));

      // Names are read for the persons in reach only.
      // Ordered by kana in the application (the names are encrypted, ADR 0040).
      const identities = knownIds.size
        ? byKana(
            tx.select(NAMED_PERSON).from(persons).innerJoin(personIdentities, eq(personIdentities.personId, persons.id)).where(inArray(persons.id, [...knownIds])).all(),
            (p) => p.personId,
          )
        : [];
      const known: KnownPerson[] = identities.map((p) => ({
        personId: p.personId,
        name: fullName(p),
        kana: fullKana(p),
        birthYearMonth: p.birthYearMonth,
        records: records.filter((r) => r.personId === p.personId && reach.has(r.officeId)).map(toPersonRecord),
      }));
      // A person nobody in reach holds is reported by the offices that do, once per office.
      const elsewhereRows = records.filter((r) => !knownIds.has(r.personId)).sort((a, b) => a.officeSort - b.officeSort);
      const elsewhereOffices = [...new Map(elsewhereRows.map((r) => [r.officeId, r.officeName])).entries()];

      writeAudit(tx, actor, {
        action: "view",
        entityType: "person_duplicate_check",
        detail: {
          for: query.purpose,
          byOfficeId: office.id,
          matchedPersonIds: personIds.filter((id) => records.some((r) => r.personId === id)),
          shownPersonIds: [...knownIds],
          elsewhereOfficeIds: elsewhereOffices.map(([id]) => id),
        },
      });
      for (const r of records) {
        const shown = reach.has(r.officeId) ? "record" : knownIds.has(r.personId) ? "nothing" : "office_name";
        writeAudit(tx, actor, {
          action: "view",
          entityType: r.kind === "case" ? "case" : "outreach_case",
          entityId: r.id,
          detail: { duplicateCheck: true, byOfficeId: office.id, shown },
        });
      }
      return { known, elsewhere: elsewhereOffices.map(([, officeName]) => ({ officeName })) };
    },
    { behavior: "immediate" },
  );
  if (!result) throw new AppError("invalid", "validation.person.checkLimit");
  return result;
}

// ---------------------------------------------------------------------------------------
// The picker

/**
 * Persons the actor sees whose kana (family, given or whole name) begins with `q`, for opening a record for someone already known
 * (a discharge-support case, an earlier outreach). Only records in reach are listed with them.
 * Audited: it shows names. Not throttled: it reaches no one outside the rule.
 */
export function searchPersonsForActor(actor: Actor, purpose: PersonPurpose, q: string): KnownPerson[] {
  requirePurpose(actor, purpose);
  const key = normalizeKana(q.trim());
  if (key.length < 2) return [];
  const db = getDb();
  // A prefix of the family, given or whole name's kana (HMAC tokens), ordered by kana in the application (ADR 0040).
  const rows = byKana(
    db
      .select(NAMED_PERSON)
      .from(persons)
      .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
      .where(and(inPrefecture(actor, persons.prefectureCode), personInReach(actor, persons.id), personKanaStartsWith(persons.id, key)))
      .all(),
    (p) => `${p.birthYearMonth}|${p.personId}`,
  ).slice(0, 20);
  const records = recordsInReachOf(actor, rows.map((r) => r.personId));
  if (rows.length > 0) {
    auditView(actor, { entityType: "person_search", detail: { personIds: rows.map((r) => r.personId), for: purpose } });
  }
  return rows.map((r) => ({ personId: r.personId, name: fullName(r), kana: fullKana(r), birthYearMonth: r.birthYearMonth, records: records.get(r.personId) ?? [] }));
}

/**
 * One person the actor sees, for a form that opens a new record for them (a re-referral from a
 * case page: `/cases/new?person=…`). Null when out of reach or missing, exactly alike. Audited:
 * it shows a name.
 */
export function getKnownPersonForActor(actor: Actor, purpose: PersonPurpose, personId: string): KnownPerson | null {
  requirePurpose(actor, purpose);
  const row = getDb()
    .select(NAMED_PERSON)
    .from(persons)
    .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
    .where(and(eq(persons.id, personId), inPrefecture(actor, persons.prefectureCode), personInReach(actor, persons.id)))
    .get();
  if (!row) return null;
  auditView(actor, { entityType: "person_search", detail: { personIds: [row.personId], for: purpose, chosen: true } });
  return { personId: row.personId, name: fullName(row), kana: fullKana(row), birthYearMonth: row.birthYearMonth, records: recordsOfPersonInReach(actor, row.personId) };
}
