import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountChangeRequests, auditLogs, users } from "@/db/schema";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { countPendingAccountChangesForActor, decideAccountChange, listAccountChangesForActor, listAccountChangesForUser } from "@/lib/dal/account-changes";
import { loadActor, loadPasswordChangeActor } from "@/lib/dal/actor";
import { authenticate } from "@/lib/dal/auth";
import { listCasesForActor } from "@/lib/dal/case-list";
import { changeOwnPassword, createUser, getUserForActor, listUsersForActor, resetUserPassword, setUserActive, updateUser } from "@/lib/dal/users";
import { isAppError } from "@/lib/dal/errors";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

before(async () => {
  await seededDb();
});

const ADMIN_SET = "Hinoki-71-kumo!";
const OWN = "Sazanami-52-tsuki!";

function userRow(username: string) {
  return getDb().select().from(users).where(eq(users.username, username)).get()!;
}

function pendingRequestOf(userId: string) {
  return getDb()
    .select()
    .from(accountChangeRequests)
    .where(and(eq(accountChangeRequests.userId, userId), eq(accountChangeRequests.status, "pending")))
    .get();
}

/** The messageKey of the AppError `fn` throws (fails when it throws none). */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return `${e.code}:${e.messageKey}`;
    throw e;
  }
  assert.fail("expected a refusal");
}

const casesReq = { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" } as const;

describe("approval of account changes (separation of duties)", () => {
  test("only supervisors and admins hold approve:account:reach", () => {
    assert.ok(PERMISSIONS.includes("approve:account:reach"));
    assert.deepEqual(
      (["coordinator", "supervisor", "prefecture", "admin"] as const).filter((r) => can(r, "approve:account:reach")),
      ["supervisor", "admin"],
    );
  });

  test("an admin-set password cannot reach a case before the holder changes it and a supervisor approves", async () => {
    const admin = actorFor("okayama.admin");
    const { id, pending } = await createUser(admin, { username: "sod.coord", displayName: "分離 一郎", role: "coordinator", officeIds: ["33-bizen"], password: ADMIN_SET });
    assert.equal(pending, true);
    let row = userRow("sod.coord");
    assert.equal(row.active, false, "inactive until approved");
    assert.equal(row.mustChangePassword, true);

    // Before approval: no sign-in, no actor of any kind.
    assert.deepEqual(await authenticate("sod.coord", ADMIN_SET, null), { ok: false, reason: "invalid" });
    assert.equal(loadActor(id, row.sessionVersion), null);
    assert.equal(loadPasswordChangeActor(id, row.sessionVersion), null);

    // The request is on bizen.sup's page, with who asked, what and for whom; the requester cannot approve it.
    const sup = actorFor("bizen.sup");
    const listed = listAccountChangesForActor(sup).pending.find((r) => r.userId === id)!;
    assert.equal(listed.kind, "account_create");
    assert.equal(listed.requestedByName, "岡山 管理子");
    assert.deepEqual(listed.requested, { role: "coordinator", officeNames: ["備前保健所"] });
    assert.equal(listed.canApprove, true);
    assert.ok(countPendingAccountChangesForActor(sup) >= 1);
    assert.equal(countPendingAccountChangesForActor(actorFor("okayama.pref")), 0);
    assert.equal(countPendingAccountChangesForActor(actorFor("bitchu.sup")), 0);
    const request = pendingRequestOf(id)!;
    assert.equal(listAccountChangesForActor(admin).pending.find((r) => r.id === request.id)?.canApprove, false);
    assert.equal(refusal(() => decideAccountChange(admin, { id: request.id, decision: "approve" })), "invalid:approvals.errors.ownRequest");

    decideAccountChange(sup, { id: request.id, decision: "approve" });
    row = userRow("sod.coord");
    assert.equal(row.active, true);

    // Approved but not yet changed: a session, but no actor: no permission anywhere, no case.
    const signedIn = await authenticate("sod.coord", ADMIN_SET, null);
    assert.ok(signedIn.ok);
    assert.equal(loadActor(id, row.sessionVersion), null);
    const holder = loadPasswordChangeActor(id, row.sessionVersion)!;
    assert.equal(holder.mustChangePassword, true);
    assert.equal("assignedOfficeIds" in holder, false);

    // The new password must differ from the admin-set one, and follow the rule.
    await assert.rejects(changeOwnPassword(holder, ADMIN_SET, ADMIN_SET), { messageKey: "approvals.errors.samePassword" });
    await assert.rejects(changeOwnPassword(holder, ADMIN_SET, "short"), { code: "invalid" });
    await changeOwnPassword(holder, ADMIN_SET, OWN);
    row = userRow("sod.coord");
    assert.equal(row.mustChangePassword, false);
    assert.equal(loadPasswordChangeActor(id, row.sessionVersion), null);
    const actor = loadActor(id, row.sessionVersion)!;
    assert.ok(listCasesForActor(actor, casesReq, {}).total > 0, "now the office's cases are in reach");
  });

  test("a supervisor of another office, prefecture staff, another prefecture and a coordinator cannot decide", async () => {
    const admin = actorFor("okayama.admin");
    const { id } = await createUser(admin, { username: "sod.coord2", displayName: "分離 二郎", role: "coordinator", officeIds: ["33-bizen"], password: ADMIN_SET });
    const request = pendingRequestOf(id)!;
    for (const username of ["bitchu.sup", "ube.sup", "yamaguchi.admin"]) {
      assert.equal(refusal(() => decideAccountChange(actorFor(username), { id: request.id, decision: "approve" })), "not_found:errors.notFound", username);
      assert.equal(listAccountChangesForActor(actorFor(username)).pending.some((r) => r.id === request.id), false, username);
    }
    for (const username of ["okayama.pref", "bizen.coord"]) {
      assert.equal(refusal(() => decideAccountChange(actorFor(username), { id: request.id, decision: "approve" })), "not_found:errors.notFound", username);
      assert.equal(refusal(() => listAccountChangesForActor(actorFor(username))), "not_found:errors.notFound", username);
    }
    assert.equal(pendingRequestOf(id)?.id, request.id, "still pending");
    assert.equal(userRow("sod.coord2").active, false);

    // A second admin (not the requester) may approve; then it is decided once.
    decideAccountChange(actorFor("okayama.admin2"), { id: request.id, decision: "approve" });
    assert.equal(userRow("sod.coord2").active, true);
    assert.equal(refusal(() => decideAccountChange(actorFor("bizen.sup"), { id: request.id, decision: "reject", reason: "遅い" })), "invalid:approvals.errors.alreadyDecided");
  });

  test("a password reset waits: the old password keeps working, the new one does not; the request holds only a hash", async () => {
    const admin = actorFor("okayama.admin");
    const target = userRow("bizen.coord2");
    const before = await authenticate("bizen.coord2", "tsunagu-demo-2026", null);
    assert.ok(before.ok);
    const NEW = "Kaede-83-mori!";
    assert.deepEqual(await resetUserPassword(admin, target.id, NEW), { pending: true });
    const request = pendingRequestOf(target.id)!;
    assert.equal(request.kind, "password_reset");
    assert.ok(request.passwordHash?.startsWith("$argon2id$"));
    assert.doesNotMatch(JSON.stringify(request), /Kaede-83-mori/);
    assert.equal(userRow("bizen.coord2").sessionVersion, target.sessionVersion, "sessions untouched while pending");
    assert.ok((await authenticate("bizen.coord2", "tsunagu-demo-2026", null)).ok);
    assert.equal((await authenticate("bizen.coord2", NEW, null)).ok, false);
    // The audit of the request carries no secret.
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "account_change"), eq(auditLogs.entityId, request.id))).get()!;
    assert.equal(audit.action, "create");
    assert.doesNotMatch(audit.detail ?? "", /argon2|Kaede/);

    decideAccountChange(actorFor("bizen.sup"), { id: request.id, decision: "approve" });
    const after = userRow("bizen.coord2");
    assert.equal(after.sessionVersion, target.sessionVersion + 1, "open sessions end");
    assert.equal(after.mustChangePassword, true, "the reset password is one-time");
    assert.equal(getDb().select().from(accountChangeRequests).where(eq(accountChangeRequests.id, request.id)).get()!.passwordHash, null);
    assert.equal((await authenticate("bizen.coord2", "tsunagu-demo-2026", null)).ok, false);
    assert.ok((await authenticate("bizen.coord2", NEW, null)).ok);
    assert.equal(loadActor(after.id, after.sessionVersion), null);

    // Both steps are in the audit, the approval on the account too.
    const decided = getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, "account_change"), eq(auditLogs.entityId, request.id), eq(auditLogs.action, "update")))
      .get()!;
    assert.equal(decided.actorUsername, "bizen.sup");
    assert.equal(detailOf(decided).decision, "approved");
    const onUser = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "user"), eq(auditLogs.entityId, target.id))).orderBy(desc(sql`rowid`)).get()!;
    assert.deepEqual(detailOf(onUser).changes, { password: "reset" });
  });

  test("a stale request (the account changed since) is refused; it can be rejected with a reason, once", async () => {
    const admin = actorFor("okayama.admin");
    const target = userRow("tobi.coord");
    await resetUserPassword(admin, target.id, "Tsubaki-64-umi!");
    const request = pendingRequestOf(target.id)!;
    // A second request for the same account waits for the first.
    await assert.rejects(resetUserPassword(admin, target.id, "Tsubaki-65-umi!"), { messageKey: "approvals.errors.pendingExists" });
    // The account changes after the request (a name edit).
    const detail = getUserForActor(admin, target.id)!;
    updateUser(admin, { id: target.id, version: detail.version, base: detail.base, displayName: "東備 みちる（改）", role: "coordinator", officeIds: detail.officeIds });
    const sup = actorFor("bizen.sup");
    assert.equal(listAccountChangesForActor(sup).pending.find((r) => r.id === request.id)?.stale, true);
    assert.equal(refusal(() => decideAccountChange(sup, { id: request.id, decision: "approve" })), "invalid:approvals.errors.stale");
    assert.equal(pendingRequestOf(target.id)?.id, request.id, "nothing changed");
    assert.ok((await authenticate("tobi.coord", "tsunagu-demo-2026", null)).ok);

    assert.equal(refusal(() => decideAccountChange(sup, { id: request.id, decision: "reject", reason: "  " })), "invalid:approvals.errors.reasonRequired");
    decideAccountChange(sup, { id: request.id, decision: "reject", reason: "本人に確認できないため" });
    const rejected = getDb().select().from(accountChangeRequests).where(eq(accountChangeRequests.id, request.id)).get()!;
    assert.deepEqual([rejected.status, rejected.reason, rejected.passwordHash], ["rejected", "本人に確認できないため", null]);
    assert.equal(refusal(() => decideAccountChange(sup, { id: request.id, decision: "approve" })), "invalid:approvals.errors.alreadyDecided");
    assert.ok(listAccountChangesForActor(sup).recent.some((r) => r.id === request.id && r.status === "rejected"));
  });

  test("nobody approves a request about their own account", async () => {
    const admin = actorFor("okayama.admin");
    const sup = userRow("bihoku.sup");
    await resetUserPassword(admin, sup.id, "Momiji-29-yama!");
    const request = pendingRequestOf(sup.id)!;
    assert.equal(refusal(() => decideAccountChange(actorFor("bihoku.sup"), { id: request.id, decision: "approve" })), "invalid:approvals.errors.ownAccount");
    decideAccountChange(actorFor("okayama.admin2"), { id: request.id, decision: "reject", reason: "不要" });
  });

  test("an office added to a coordinator waits for approval: before it, the new office's cases stay out of reach", () => {
    const admin = actorFor("okayama.admin");
    const coord = actorFor("mimasaka.coord");
    const before = listCasesForActor(coord, casesReq, {}).total;
    const detail = getUserForActor(admin, coord.id)!;
    const result = updateUser(admin, { id: coord.id, version: detail.version, base: detail.base, displayName: detail.displayName, role: "coordinator", officeIds: ["33-mimasaka", "33-shoei"] });
    assert.deepEqual(result, { pending: true });
    assert.deepEqual(actorFor("mimasaka.coord").assignedOfficeIds, ["33-mimasaka"]);
    assert.equal(listCasesForActor(actorFor("mimasaka.coord"), casesReq, {}).total, before);
    assert.equal(listUsersForActor(admin, { page: 1, pageSize: 5, sort: "username", dir: "asc" }, { q: "mimasaka.coord" }).rows[0]?.pendingChange, "access_change");
    const request = pendingRequestOf(coord.id)!;
    // The supervisor of the office being added may approve (the request names it).
    assert.ok(listAccountChangesForActor(actorFor("mimasaka.sup")).pending.some((r) => r.id === request.id));
    decideAccountChange(actorFor("mimasaka.sup"), { id: request.id, decision: "approve" });
    assert.deepEqual([...actorFor("mimasaka.coord").assignedOfficeIds].sort(), ["33-mimasaka", "33-shoei"]);
    assert.ok(listCasesForActor(actorFor("mimasaka.coord"), casesReq, {}).total > before);
  });

  test("a case-reading role given to a prefecture account waits; removing an office does not", () => {
    const admin = actorFor("okayama.admin");
    const pref = actorFor("okayama.pref");
    const detail = getUserForActor(admin, pref.id)!;
    assert.deepEqual(updateUser(admin, { id: pref.id, version: detail.version, base: detail.base, displayName: detail.displayName, role: "supervisor", officeIds: ["33-bizen"] }), { pending: true });
    assert.equal(userRow("okayama.pref").role, "prefecture");
    assert.equal(listAccountChangesForUser(admin, pref.id)[0]?.kind, "access_change");

    const sup = actorFor("bitchu.sup");
    const supDetail = getUserForActor(admin, sup.id)!;
    // bitchu.sup covers 備中 only: dropping nothing, adding nothing, but a name change is immediate.
    assert.deepEqual(updateUser(admin, { id: sup.id, version: supDetail.version, base: supDetail.base, displayName: "備中 監次郎", role: "supervisor", officeIds: supDetail.officeIds }), { pending: false });
    assert.equal(userRow("bitchu.sup").displayName, "備中 監次郎");
  });

  test("reactivating a coordinator is a grant too", () => {
    const admin = actorFor("okayama.admin");
    const coord = userRow("niimi.coord");
    setUserActive(admin, coord.id, coord.version, false);
    const now = userRow("niimi.coord");
    assert.deepEqual(setUserActive(admin, coord.id, now.version, true), { pending: true });
    assert.equal(userRow("niimi.coord").active, false);
    assert.equal(pendingRequestOf(coord.id)?.kind, "reactivate");
  });

  test("a new admin account waits for a second admin (else an admin could approve as an admin it made); its password is one-time", async () => {
    const admin = actorFor("okayama.admin");
    const { id, pending } = await createUser(admin, { username: "sod.admin", displayName: "分離 管理", role: "admin", officeIds: [], password: ADMIN_SET });
    assert.equal(pending, true);
    assert.equal(userRow("sod.admin").active, false);
    const request = pendingRequestOf(id)!;
    // It names no office: no supervisor sees it; the requester may not approve it.
    assert.equal(refusal(() => decideAccountChange(actorFor("bizen.sup"), { id: request.id, decision: "approve" })), "not_found:errors.notFound");
    assert.equal(refusal(() => decideAccountChange(admin, { id: request.id, decision: "approve" })), "invalid:approvals.errors.ownRequest");
    decideAccountChange(actorFor("okayama.admin2"), { id: request.id, decision: "approve" });
    const row = userRow("sod.admin");
    assert.equal(row.active, true);
    assert.equal(loadActor(id, row.sessionVersion), null, "no permission before the change");
    assert.ok(loadPasswordChangeActor(id, row.sessionVersion));
  });

  test("an admin's reset of another admin's password waits too; prefecture staff's does not, but is one-time", async () => {
    const admin = actorFor("okayama.admin");
    const admin2 = userRow("okayama.admin2");
    assert.deepEqual(await resetUserPassword(admin, admin2.id, "Kusunoki-38-ame!"), { pending: true });
    assert.equal(userRow("okayama.admin2").passwordHash, admin2.passwordHash);
    const pref = userRow("yamaguchi.pref");
    assert.deepEqual(await resetUserPassword(actorFor("yamaguchi.admin"), pref.id, "Kusunoki-39-ame!"), { pending: false });
    const after = userRow("yamaguchi.pref");
    assert.equal(after.mustChangePassword, true);
    assert.equal(loadActor(after.id, after.sessionVersion), null);
  });
});
