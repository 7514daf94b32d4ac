import { after, test } from "node:test";
import assert from "node:assert/strict";
import { setAppToday } from "@/lib/domain/clock";
import { assertHappened } from "@/lib/dal/happened-dates";
import { fieldErrorKeys } from "@/lib/validation/form";
import { DispatchCreateSchema } from "@/lib/validation/peer";

/*
 * The input rules of issue 11 as the dispatch form meets them: a time typed any way is read as
 * one time and an unreadable one blames its own field (never the hours, never NaN); and the
 * data-access layer re-checks the date rule through the same schema rule.
 */

setAppToday("2026-12-06");
after(() => setAppToday(null));

const dispatch = (overrides: Record<string, unknown> = {}) => ({
  officeId: "33-bizen",
  date: "2026/12/06",
  startTime: "",
  endTime: "",
  status: "done",
  requestingOrg: "",
  destinationKind: "venue",
  hospitalId: "",
  destinationName: "公民館",
  purpose: "inhospital_salon",
  audienceCount: "",
  caseId: "",
  report: "",
  peerIds: ["p1"],
  "hours:p1": "",
  ...overrides,
});

test("a dispatch's times: １３：００, 1300, 13時 and 13時半 are times; abc blames the time field, not the hours", () => {
  for (const [start, end, want] of [
    ["１３：００", "１５：３０", ["13:00", "15:30"]],
    ["1300", "1530", ["13:00", "15:30"]],
    ["13時", "15時半", ["13:00", "15:30"]],
    ["13:00", "15時30分", ["13:00", "15:30"]],
  ] as const) {
    const parsed = DispatchCreateSchema.parse(dispatch({ startTime: start, endTime: end }));
    assert.deepEqual([parsed.startTime, parsed.endTime], want, `${start}–${end}`);
  }
  const bad = DispatchCreateSchema.safeParse(dispatch({ startTime: "abc", endTime: "15:00", "hours:p1": "" }));
  assert.deepEqual(fieldErrorKeys(bad.error!), { startTime: "validation.dispatch.timeFormat" });
  const hours = DispatchCreateSchema.safeParse(dispatch({ "hours:p1": "abc" }));
  assert.deepEqual(fieldErrorKeys(hours.error!), { "hours:p1": "validation.dispatch.hoursFormat" });
  const count = DispatchCreateSchema.safeParse(dispatch({ audienceCount: "abc" }));
  assert.deepEqual(fieldErrorKeys(count.error!), { audienceCount: "validation.dispatch.countFormat" });
  assert.equal(DispatchCreateSchema.parse(dispatch({ audienceCount: "１，２００" })).audienceCount, 1200, "full-width digits and a comma");
});

test("the data-access layer re-checks what happened through the same rule, field by field", () => {
  assert.doesNotThrow(() => assertHappened({ date: "2026-12-06", endDate: null, startDate: "" }));
  assert.throws(() => assertHappened({ date: "2026-12-06", endDate: "2099-12-31" }), (e: { messageKey: string; fieldErrors: Record<string, string> }) => {
    assert.equal(e.messageKey, "validation.date.future");
    assert.deepEqual(e.fieldErrors, { endDate: "validation.date.future" });
    return true;
  });
});
