import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountChangeRequests, auditLogs, userOffices, users } from "@/db/schema";
import { decideAccountChange } from "@/lib/dal/account-changes";
import { authenticate } from "@/lib/dal/auth";
import { createUser, getUserForActor, resetUserPassword, updateUser } from "@/lib/dal/users";
import { UserUpdateSchema } from "@/lib/validation/user";
import { thrown } from "@/tests/helpers/dal-asserts";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

before(async () => {
  await seededDb();
});

const newCoordinator = { username: "test.coord", displayName: "試験 太郎", role: "coordinator", officeIds: ["33-maniwa"], password: "a-long-password-123" } as const;

describe("user administration", () => {
  test("create writes the user, the offices and an audit row in one go", async () => {
    const admin = actorFor("okayama.admin");
    const { id } = await createUser(admin, { ...newCoordinator, officeIds: [...newCoordinator.officeIds] });
    const row = getDb().select().from(users).where(eq(users.id, id)).get()!;
    assert.equal(row.prefectureCode, "33");
    assert.deepEqual(getDb().select().from(userOffices).where(eq(userOffices.userId, id)).all().map((o) => o.healthCenterId), ["33-maniwa"]);
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "create"))).get()!;
    assert.equal(audit.actorUsername, "okayama.admin");
    assert.doesNotMatch(audit.detail ?? "", /a-long-password/); // never the password
    // A coordinator waits for a supervisor's approval (ADR 0039); then the password works.
    assert.equal((await authenticate("test.coord", "a-long-password-123", null)).ok, false);
    decideAccountChange(actorFor("maniwa.sup"), { id: getDb().select().from(accountChangeRequests).where(eq(accountChangeRequests.userId, id)).get()!.id, decision: "approve" });
    assert.ok((await authenticate("test.coord", "a-long-password-123", null)).ok);
  });

  test("an office of another prefecture is refused and nothing is written", async () => {
    const before = getDb().select().from(users).all().length;
    await assert.rejects(createUser(actorFor("okayama.admin"), { ...newCoordinator, username: "x.coord", officeIds: ["35-ube"] }), {
      code: "invalid",
    });
    assert.equal(getDb().select().from(users).all().length, before);
  });

  test("a taken username is a field error", async () => {
    await assert.rejects(createUser(actorFor("okayama.admin"), { ...newCoordinator, officeIds: ["33-maniwa"] }), (e: { fieldErrors: object }) => {
      assert.deepEqual(e.fieldErrors, { username: "validation.username.taken" });
      return true;
    });
  });

  test("a save over a newer version is a conflict naming what the other admin changed, and changes nothing", () => {
    const admin = actorFor("okayama.admin");
    // Two admins open the same form: both hold version and values as loaded.
    const loaded = getUserForActor(admin, getDb().select().from(users).where(eq(users.username, "test.coord")).get()!.id)!;
    const form = (edit: { displayName?: string; officeIds?: string[] }) => UserUpdateSchema.parse({ id: loaded.id, version: String(loaded.version), base: loaded.base, displayName: loaded.displayName, role: loaded.role, officeIds: loaded.officeIds, ...edit });
    updateUser(admin, form({ displayName: "試験 次郎" }));
    // The second admin changed the offices (and typed a name too); only the first admin's change is listed.
    assert.throws(
      () => updateUser(admin, form({ displayName: "試験 三郎", officeIds: ["33-bihoku"] })),
      (e: { code: string; conflicts: Record<string, unknown>; savedBy?: unknown }) => {
        assert.equal(e.code, "conflict");
        assert.deepEqual(e.conflicts, { displayName: ["試験 太郎", "試験 次郎"] });
        // Here both forms are the same admin's: the answer says their own other tab saved first.
        assert.deepEqual(e.savedBy, { self: true });
        return true;
      },
    );
    // A change of only what the first admin left alone is still stale: it lists their name change, not the offices.
    assert.deepEqual(thrown(() => updateUser(admin, form({ officeIds: ["33-bihoku"] }))).conflicts, { displayName: ["試験 太郎", "試験 次郎"] });
    const now = getUserForActor(admin, loaded.id)!;
    assert.equal(now.displayName, "試験 次郎");
    assert.deepEqual(now.officeIds, ["33-maniwa"]);
    const update = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, loaded.id), eq(auditLogs.action, "update"))).orderBy(desc(auditLogs.id)).get()!;
    assert.deepEqual(detailOf(update).changes, { displayName: ["試験 太郎", "試験 次郎"] });
  });

  test("an admin cannot change their own role", () => {
    const admin = actorFor("okayama.admin");
    const self = getDb().select().from(users).where(eq(users.id, admin.id)).get()!;
    assert.throws(() => updateUser(admin, { id: self.id, version: self.version, base: "", displayName: self.displayName, role: "coordinator", officeIds: ["33-bizen"] }), {
      code: "invalid",
    });
  });

  test("a password reset ends the user's sessions", async () => {
    const user = getDb().select().from(users).where(eq(users.username, "test.coord")).get()!;
    await resetUserPassword(actorFor("okayama.admin"), user.id, "another-long-password-42");
    const request = getDb().select().from(accountChangeRequests).where(and(eq(accountChangeRequests.userId, user.id), eq(accountChangeRequests.status, "pending"))).get()!;
    decideAccountChange(actorFor("maniwa.sup"), { id: request.id, decision: "approve" });
    assert.equal(getDb().select().from(users).where(eq(users.id, user.id)).get()!.sessionVersion, user.sessionVersion + 1);
    assert.ok((await authenticate("test.coord", "another-long-password-42", null)).ok);
  });

  test("viewing an account is audited", () => {
    const admin = actorFor("okayama.admin");
    const user = getDb().select().from(users).where(eq(users.username, "bizen.coord")).get()!;
    getUserForActor(admin, user.id);
    const last = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
    assert.deepEqual([last.action, last.entityType, last.entityId], ["view", "user", user.id]);
  });
});
