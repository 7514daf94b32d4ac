import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, municipalities, regions, userOffices, users } from "@/db/schema";
import { getOfficeForActor, getOrgTreeForActor, getScopeSummaryForActor, listOfficesForActor } from "@/lib/dal/org";
import { getUserForActor, listUsersForActor } from "@/lib/dal/users";
import { actorFor, seededDb } from "../helpers/test-db";

const allOffices = { page: 1, pageSize: 100, sort: "name", dir: "asc" } as const;
const officeIds = (username: string) => listOfficesForActor(actorFor(username), allOffices).rows.map((r) => r.id).sort();

before(async () => {
  await seededDb();
});

describe("organisation tree matches the seeds", () => {
  for (const [username, expected] of [
    ["okayama.pref", { regions: 5, offices: 11, municipalities: 27 }],
    ["yamaguchi.pref", { regions: 8, offices: 9, municipalities: 19 }],
  ] as const) {
    test(`${username} sees ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(getOrgTreeForActor(actorFor(username)).totals, expected);
    });
  }

  test("every branch office (支所) has a parent in the same prefecture and region", () => {
    const rows = getDb().select().from(healthCenters).all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const branches = rows.filter((r) => r.kind === "prefectural_branch");
    assert.equal(branches.length, 5); // 4 in Okayama, 1 in Yamaguchi
    for (const b of branches) {
      const parent = byId.get(b.parentId!);
      assert.ok(parent, `${b.name} has a parent`);
      assert.equal(parent.prefectureCode, b.prefectureCode);
      assert.equal(parent.regionId, b.regionId);
    }
  });

  test("every municipality is covered by an office of its own prefecture", () => {
    const rows = getDb()
      .select({ muni: municipalities.prefectureCode, office: healthCenters.prefectureCode, region: regions.prefectureCode })
      .from(municipalities)
      .innerJoin(healthCenters, eq(healthCenters.id, municipalities.healthCenterId))
      .innerJoin(regions, eq(regions.id, municipalities.regionId))
      .all();
    assert.equal(rows.length, 46);
    for (const r of rows) assert.ok(r.muni === r.office && r.muni === r.region);
  });
});

describe("office scoping in SQL", () => {
  test("a coordinator reaches exactly their assigned office", () => {
    assert.deepEqual(officeIds("bizen.coord"), ["33-bizen"]);
    assert.deepEqual(officeIds("tobi.coord"), ["33-tobi"]);
    assert.deepEqual(officeIds("mimasaka.coord"), ["33-mimasaka"]);
    assert.deepEqual(officeIds("ube.coord"), ["35-ube"]);
  });

  test("a supervisor reaches their office and its branches (支所), nothing else", () => {
    assert.deepEqual(officeIds("bizen.sup"), ["33-bizen", "33-tobi"]);
    assert.deepEqual(officeIds("ube.sup"), ["35-ube"]);
  });

  test("prefecture and admin roles reach every office of their own prefecture only", () => {
    for (const u of ["okayama.pref", "okayama.admin"]) {
      const ids = officeIds(u);
      assert.equal(ids.length, 11);
      assert.ok(ids.every((id) => id.startsWith("33-")));
    }
    const yg = officeIds("yamaguchi.pref");
    assert.equal(yg.length, 9);
    assert.ok(yg.every((id) => id.startsWith("35-")));
  });

  test("an office outside the reach is answered exactly like a missing one", () => {
    const coord = actorFor("bizen.coord");
    assert.ok(getOfficeForActor(coord, "33-bizen"));
    assert.equal(getOfficeForActor(coord, "33-tobi"), null); // same prefecture, other office
    assert.equal(getOfficeForActor(coord, "35-ube"), null); // other prefecture
    assert.equal(getOfficeForActor(coord, "33-nonexistent"), null);
    assert.equal(getOfficeForActor(actorFor("tobi.coord"), "33-bizen"), null); // a branch does not see its parent
    assert.equal(getOfficeForActor(actorFor("okayama.pref"), "35-ube"), null);
    assert.equal(getOfficeForActor(actorFor("yamaguchi.pref"), "33-bizen"), null);
  });

  test("an assignment to another prefecture's office never widens the reach", () => {
    const sup = actorFor("ube.sup");
    getDb().insert(userOffices).values({ userId: sup.id, healthCenterId: "33-mimasaka" }).run();
    try {
      assert.equal(getOfficeForActor(actorFor("ube.sup"), "33-mimasaka"), null);
      assert.deepEqual(officeIds("ube.sup"), ["35-ube"]);
    } finally {
      getDb().delete(userOffices).where(eq(userOffices.healthCenterId, "33-mimasaka")).run();
    }
  });

  test("the supervisor's office page lists the branch as reachable; a coordinator's does not", () => {
    assert.deepEqual(getOfficeForActor(actorFor("bizen.sup"), "33-bizen")?.branches, [{ id: "33-tobi", name: "備前保健所東備支所", inReach: true }]);
    assert.deepEqual(getOfficeForActor(actorFor("bizen.coord"), "33-bizen")?.branches, [{ id: "33-tobi", name: "備前保健所東備支所", inReach: false }]);
  });

  test("the prefecture role never receives staff names", () => {
    const pref = actorFor("okayama.pref");
    assert.equal(getOfficeForActor(pref, "33-bizen")?.staff, null);
    assert.ok(listOfficesForActor(pref, allOffices).rows.every((r) => r.staffCount === null));
    const sup = getOfficeForActor(actorFor("bizen.sup"), "33-bizen");
    assert.deepEqual(sup?.staff?.map((s) => s.displayName).sort(), ["備前 つなぎ", "備前 ふたば", "備前 監子"]);
  });

  test("home-page scope summary", () => {
    const s = getScopeSummaryForActor(actorFor("bizen.sup"));
    assert.deepEqual(s.offices.map((o) => [o.id, o.assigned]), [["33-bizen", true], ["33-tobi", true]]);
    assert.deepEqual(s.regionNames, ["備前圏域"]);
    assert.equal(s.municipalityCount, 6); // 3 of 備前 + 3 of 東備
    assert.equal(getScopeSummaryForActor(actorFor("okayama.pref")).municipalityCount, 27);
  });
});

describe("user administration is scoped to the admin's prefecture", () => {
  test("the list holds only the prefecture's accounts", () => {
    const page = listUsersForActor(actorFor("okayama.admin"), { page: 1, pageSize: 100, sort: "username", dir: "asc" }, {});
    assert.deepEqual(page.rows.map((r) => r.username), [
      "bihoku.coord",
      "bihoku.sup",
      "bitchu.coord",
      "bitchu.sup",
      "bizen.coord",
      "bizen.coord2",
      "bizen.sup",
      "ikasa.coord",
      "kurashiki-city.coord",
      "kurashiki-city.sup",
      "maniwa.coord",
      "maniwa.sup",
      "mimasaka.coord",
      "mimasaka.sup",
      "niimi.coord",
      "okayama-city.coord",
      "okayama-city.sup",
      "okayama.admin",
      "okayama.admin2",
      "okayama.pref",
      "shoei.coord",
      "tobi.coord",
    ]);
    assert.equal(page.total, 22);
  });

  test("another prefecture's account is not found", () => {
    const ube = getDb().select().from(users).where(eq(users.username, "ube.coord")).get()!;
    assert.equal(getUserForActor(actorFor("okayama.admin"), ube.id), null);
  });

  test("roles other than admin are refused by the DAL itself", () => {
    assert.throws(() => listUsersForActor(actorFor("okayama.pref"), { page: 1, pageSize: 20, sort: "username", dir: "asc" }, {}), {
      name: "AppError",
    });
  });

  test("search and filters", () => {
    const admin = actorFor("okayama.admin");
    const req = { page: 1, pageSize: 20, sort: "username", dir: "asc" } as const;
    assert.deepEqual(listUsersForActor(admin, req, { q: "coord" }).rows.map((r) => r.username), [
      "bihoku.coord",
      "bitchu.coord",
      "bizen.coord",
      "bizen.coord2",
      "ikasa.coord",
      "kurashiki-city.coord",
      "maniwa.coord",
      "mimasaka.coord",
      "niimi.coord",
      "okayama-city.coord",
      "shoei.coord",
      "tobi.coord",
    ]);
    assert.deepEqual(listUsersForActor(admin, req, { role: "supervisor" }).rows.map((r) => r.username), [
      "bihoku.sup",
      "bitchu.sup",
      "bizen.sup",
      "kurashiki-city.sup",
      "maniwa.sup",
      "mimasaka.sup",
      "okayama-city.sup",
    ]);
    assert.deepEqual(listUsersForActor(admin, req, { q: "%" }).rows, []); // LIKE wildcards are literal
  });
});
