import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { eq } from "drizzle-orm";

// A real file (not :memory:) so that several threads share one database, as server
// processes would.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-case-numbers-"));
const databasePath = path.join(dir, "test.db");
process.env.DATABASE_PATH = databasePath;
process.env.TSUNAGU_DEMO_DATA = "on";

test("case numbers stay unique and gapless when four writers create cases at once", async () => {
  const { getDb } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/seed");
  const { users } = await import("@/db/schema");
  const { createHospital } = await import("@/lib/dal/hospitals");
  const { actorFor } = await import("../helpers/test-db");
  process.env.DATABASE_PATH = databasePath; // test-db points at :memory: on import; this test wants the file
  await prepareDatabase(getDb());
  const hospitalId = createHospital(actorFor("okayama.admin"), { name: "競合試験病院", municipalityCode: null, psychBeds: null }).id;
  const coordinatorUserId = getDb().select().from(users).where(eq(users.username, "bizen.coord")).get()!.id;
  // FY2012: a past year (a referral is never after today) that no demo case uses, so its numbers start at 1.
  const input = {
    familyName: "競合", givenName: "試験", familyNameKana: "きょうごう", givenNameKana: "しけん", dateOfBirth: "", birthYearMonth: "1960-01",
    sex: "unknown", municipalityCode: "", phone: "", address: "", referralDate: "2012-04-02", referralSource: "self", hospitalId,
    wardType: "", indexAdmissionDate: "2010-01-01", admissionDatePrecision: "year", admissionType: "", diagnosisGroup: "", techoGrade: "",
    supportCategory: "", consentDate: "", consentScope: "", supportStartDate: "2012-04-03", plannedDischargeDate: "", coordinatorUserId, officeId: "33-bizen",
  };
  const perWorker = 15;
  const workers = Array.from({ length: 4 }, () =>
    new Promise<string[]>((resolve, reject) => {
      const w = new Worker(new URL("../helpers/ts-worker.mjs", import.meta.url), {
        workerData: { entry: "./create-cases-worker.ts", databasePath, count: perWorker, input },
        // Workers load TypeScript the same way the test runner does.
        execArgv: ["--conditions=react-server", "--import", "tsx"],
      });
      w.once("message", resolve);
      w.once("error", reject);
    }),
  );
  const numbers = (await Promise.all(workers)).flat();
  assert.equal(numbers.length, 4 * perWorker);
  assert.equal(new Set(numbers).size, numbers.length, "no number was handed out twice");
  const seqs = numbers.map((n) => Number(n.split("-").pop())).sort((a, b) => a - b);
  assert.deepEqual(seqs, Array.from({ length: numbers.length }, (_, i) => i + 1), "FY2012 numbers run 1..60 without gaps");
  assert.ok(numbers.every((n) => n.startsWith("33-BZ-2012-")));
  fs.rmSync(dir, { recursive: true, force: true });
});
