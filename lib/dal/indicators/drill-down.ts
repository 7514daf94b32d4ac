import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import type { IndicatorDetail } from "./index";
import { describeRecordsForActor, PERSON_RECORD_KINDS, type RecordRow } from "./records";

/**
 * The rows of an indicator's drill-down, as the actor may see them (records.ts), or null when the
 * figure is suppressed. Listing person records (cases, outreach, peers) is audited: who looked at
 * which figure's records, and how many rows were shown.
 */
export function listIndicatorRecordsForActor(actor: Actor, detail: IndicatorDetail): { rows: RecordRow[]; notListed: number } | null {
  if (detail.records === null) return null;
  const listed = describeRecordsForActor(actor, detail.records, detail.hiddenOffices);
  const persons = listed.rows.filter((r) => PERSON_RECORD_KINDS.includes(r.kind));
  if (persons.length > 0) {
    getDb().transaction((tx) =>
      writeAudit(tx, actor, {
        action: "view",
        entityType: "indicator_records",
        entityId: detail.figure.code,
        detail: { fiscalYear: detail.fiscalYear, scope: detail.scope.param, rows: persons.length, kinds: [...new Set(persons.map((r) => r.kind))] },
      }),
    );
  }
  return listed;
}
