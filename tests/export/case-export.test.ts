import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, cases } from "@/db/schema";
import { readAuditDetailText } from "@/lib/dal/audit";
import { getCaseForActor } from "@/lib/dal/cases";
import { openCaseExport } from "@/lib/export/case-export";
import { catalogs } from "@/lib/i18n/messages";
import { makeTranslate } from "@/lib/i18n/translate";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * One case's records as a file (ADR 0044): what the case page shows, the person's identity and
 * the records' free text only for a supervisor who asked with a reason; another office's case is
 * not there (not_found, nothing counted); every export audited with the case's id.
 */

const ctx = { t: makeTranslate(catalogs.ja), locale: "ja" as const };
const MANY = { exportsPerHour: 1_000_000 };
let bizenCase = "";

before(async () => {
  await seededDb();
  // The bizen case with the most support records, so the free-text rule has something to hide.
  const ids = getDb().select({ id: cases.id }).from(cases).where(eq(cases.officeId, "33-bizen")).all().map((r) => r.id);
  const sup = actorFor("bizen.sup");
  bizenCase = ids.map((id) => ({ id, n: getCaseForActor(sup, id).activities.filter((a) => a.summary).length })).sort((a, b) => b.n - a.n)[0]!.id;
});

describe("case export", () => {
  test("a coordinator's file has the records but no name, no identity and no free text", () => {
    const actor = actorFor("bizen.coord");
    const detail = getCaseForActor(actor, bizenCase);
    const opened = openCaseExport(actor, bizenCase, { requested: true, reason: "会議資料" }, "csv", ctx, MANY);
    assert.ok(opened.ok && !opened.withIdentity);
    const rows = [...opened.batches].flat();
    const text = JSON.stringify(rows);
    assert.ok(text.includes(detail.caseNo));
    assert.ok(!text.includes(detail.identity.familyName + " " + detail.identity.givenName), "no name");
    for (const a of detail.activities) if (a.summary) assert.ok(!text.includes(a.summary), "no support record text");
    assert.equal(rows.length, opened.total + 1, "the case line, then one line per record");
    assert.ok(opened.total >= detail.timeline.length + detail.activities.length + detail.followUps.length + detail.carePlans.length);
    assert.ok(detail.activities.some((a) => a.summary), "the case has support record text to withhold");
    assert.ok(rows.every((r) => r.length === opened.header.length));
  });

  test("a supervisor who gives a reason gets the name and the records' text; the reason is audited", () => {
    const actor = actorFor("bizen.sup");
    const detail = getCaseForActor(actor, bizenCase);
    assert.deepEqual(openCaseExport(actor, bizenCase, { requested: true }, "xlsx", ctx, MANY), { ok: false, status: 400, error: "reason_required" });
    const opened = openCaseExport(actor, bizenCase, { requested: true, reason: "ケース会議のため" }, "xlsx", ctx, MANY);
    assert.ok(opened.ok && opened.withIdentity);
    const text = JSON.stringify([...opened.batches].flat());
    assert.ok(text.includes(`${detail.identity.familyName} ${detail.identity.givenName}`));
    const summary = detail.activities.find((a) => a.summary)?.summary;
    if (summary) assert.ok(text.includes(JSON.stringify(summary).slice(1, -1)));
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.actorUserId, actor.id), eq(auditLogs.action, "export"))).orderBy(desc(auditLogs.at), desc(auditLogs.id)).get()!;
    assert.equal(audit.entityType, "case");
    assert.equal(audit.entityId, bizenCase);
    const d = JSON.parse(readAuditDetailText(audit) ?? "{}");
    assert.equal(d.reason, "ケース会議のため");
    assert.equal(d.withIdentity, true);
    assert.equal(d.format, "xlsx");
  });

  test("another office's case is not found, and nothing is counted or written", () => {
    const actor = actorFor("bitchu.sup");
    const before = getDb().select().from(auditLogs).where(and(eq(auditLogs.actorUserId, actor.id), eq(auditLogs.action, "export"))).all().length;
    assert.throws(() => openCaseExport(actor, bizenCase, { requested: false }, "csv", ctx, MANY), /not_found|notFound/);
    assert.throws(() => openCaseExport(actorFor("okayama.pref"), bizenCase, { requested: false }, "csv", ctx, MANY), /not_found|notFound|forbidden/);
    const after = getDb().select().from(auditLogs).where(and(eq(auditLogs.actorUserId, actor.id), eq(auditLogs.action, "export"))).all().length;
    assert.equal(after, before);
  });
});
