import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ACTIONS, NON_DOMAIN_TABLES, ROUTE_PROOF_VISITORS, actionKey, verdict, type ActionEntry } from "@/lib/auth/route-table";
import type { Actor } from "@/lib/dal/actor";
import { isAppError } from "@/lib/dal/errors";
import { signOutEverywhere } from "@/lib/dal/auth";
import { regenerateRecoveryCodes } from "@/lib/dal/second-factor";
import { decideAccountChange } from "@/lib/dal/account-changes";
import { AccountChangeDecisionSchema } from "@/lib/validation/account-change";
import { SecondFactorCodeSchema } from "@/lib/validation/second-factor";
import { addActivity, addCarePlan, addReadmission, addTrialStay, deleteActivity, recordFollowUp, setCarePlanStatus, updateActivity } from "@/lib/dal/case-records";
import { correctLatestPhaseChange, reopenCase, undoLatestPhaseChange } from "@/lib/dal/case-phase-events";
import { acceptTransfer, cancelTransfer, declineTransfer, requestTransfer } from "@/lib/dal/case-transfers";
import { createCase, reassignCase, transitionCase, updateCase } from "@/lib/dal/cases";
import { createEvent, deleteEvent, updateEvent } from "@/lib/dal/community-events";
import { createHospital, updateHospital } from "@/lib/dal/hospitals";
import { createTarget, deleteTarget, updateTarget } from "@/lib/dal/indicator-targets";
import { createKyogiBody, deleteKyogiBody, saveMunicipalStatusTable, updateKyogiBody } from "@/lib/dal/kyogi";
import { createMeeting, deleteMeeting, updateMeeting } from "@/lib/dal/meetings";
import { saveHostelTable, savePhoneTable } from "@/lib/dal/monthly-figures";
import { changeOutreachStatus, createOutreachCase, updateOutreachCase } from "@/lib/dal/outreach";
import { addOutreachContact, addOutreachOutcome, deleteOutreachContact, deleteOutreachOutcome, updateOutreachContact } from "@/lib/dal/outreach-records";
import { createDispatch, setDispatchStatus, updateDispatch } from "@/lib/dal/peer-dispatches";
import { addPeerTraining, createPeer, removePeerTraining, renewPeer, setPeerStatus, updatePeer } from "@/lib/dal/peers";
import { searchPersonsForActor } from "@/lib/dal/person-lookup";
import { correctPerson } from "@/lib/dal/persons";
import { addSheetRow, moveSheetRow, removeSheetRow, saveNarrative, saveYearFacts, updateSheetRowHeading } from "@/lib/dal/sheet-settings";
import { createStatistic, deleteStatistic, updateStatistic } from "@/lib/dal/statistics";
import { createTraining, deleteTraining, updateTraining } from "@/lib/dal/trainings";
import { changeOwnPassword, createUser, resetUserPassword, resetUserSecondFactor, setUserActive, unlockUser, updateUser } from "@/lib/dal/users";
import { lockYear, signOffYear, unlockYear } from "@/lib/dal/year-close";
import { MunicipalStatusTableSchema, HostelTableSchema, PhoneTableSchema } from "@/lib/validation/activities-tables";
import {
  ActivityDeleteSchema as RecordDeleteSchema,
  EventCreateSchema,
  EventUpdateSchema,
  KyogiBodyCreateSchema,
  KyogiBodyUpdateSchema,
  MeetingCreateSchema,
  MeetingUpdateSchema,
  TRAINING_MULTI,
  TrainingCreateSchema,
  TrainingUpdateSchema,
} from "@/lib/validation/activities";
import { CaseCreateSchema, CaseReopenSchema, CaseTransitionSchema, CaseUpdateSchema, PhaseChangeCorrectSchema, PhaseChangeUndoSchema } from "@/lib/validation/case";
import {
  ActivityDeleteSchema,
  ActivitySchema,
  ActivityUpdateSchema,
  CarePlanSchema,
  CarePlanStatusSchema,
  FollowUpSchema,
  ReadmissionSchema,
  ReassignSchema,
  TrialStaySchema,
} from "@/lib/validation/case-records";
import { TransferAcceptSchema, TransferCancelSchema, TransferDeclineSchema, TransferRequestSchema } from "@/lib/validation/case-transfer";
import { TargetCreateSchema, TargetUpdateSchema } from "@/lib/validation/indicator-targets";
import { OutreachContactSchema, OutreachContactUpdateSchema, OutreachCreateSchema, OutreachOutcomeSchema, OutreachRecordDeleteSchema, OutreachStatusSchema, OutreachUpdateSchema } from "@/lib/validation/outreach";
import { DispatchCreateSchema, DispatchStatusSchema, DispatchUpdateSchema, PeerCreateSchema, PeerRenewSchema, PeerStatusSchema, PeerTrainingRemoveSchema, PeerTrainingSchema, PeerUpdateSchema } from "@/lib/validation/peer";
import { PersonCorrectionSchema } from "@/lib/validation/person";
import { NarrativeSchema, SheetRowAddSchema, SheetRowHeadingSchema, SheetRowMoveSchema, SheetRowRemoveSchema, YearFactsSchema } from "@/lib/validation/sheet-settings";
import { StatisticCreateSchema, StatisticUpdateSchema } from "@/lib/validation/statistics";
import { OwnPasswordSchema, PasswordResetSchema, UserCreateSchema, UserUpdateSchema } from "@/lib/validation/user";
import { LockSchema, SignOffSchema, UnlockSchema } from "@/lib/validation/year-close";
import { HospitalFormSchema, HospitalUpdateSchema } from "@/app/(app)/admin/hospitals/hospital-schema";
import { loadSamples, proofForms, type Form, type Samples } from "../../e2e/fixtures/route-proof";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * "No permission rests on the proxy" (issue 12, ADR 0042): every server action's data-access
 * call, made straight against the DAL (no proxy, no page, no requirePermission in the action) as
 * each visitor the route table refuses, is refused with not_found / forbidden (or, for a new
 * record in an office out of reach, the office field's error) and changes no domain table. The
 * inputs are the forms the e2e proof posts (e2e/fixtures/route-proof.ts), parsed by the action's
 * own schema. The same call as an allowed visitor (rolled back) gets past the permission check,
 * so the refusals are the visitor's, not a broken probe's.
 */

type Probe = { schema: z.ZodType; call: (actor: Actor, input: never) => unknown };
const p = <S extends z.ZodType>(schema: S, call: (actor: Actor, input: z.infer<S>) => unknown): Probe => ({ schema, call: call as Probe["call"] });

const A = "app/(app)";
const ActiveSchema = z.object({ id: z.string().min(1), version: z.coerce.number().int().min(1), active: z.enum(["true", "false"]) });
const IdSchema = z.object({ id: z.string().min(1) });
const QuerySchema = z.object({ q: z.string() });

/** Each action's DAL call, written as the action makes it (app/**\/actions.ts). */
const PROBES: Record<string, Probe> = {
  [`${A}/account/actions.ts#changePasswordAction`]: p(OwnPasswordSchema, (a, i) => changeOwnPassword(a, i.current, i.password)),
  [`${A}/account/actions.ts#signOutEverywhereAction`]: p(z.object({}), (a) => signOutEverywhere(a)),
  ["app/change-password/actions.ts#changeOneTimePasswordAction"]: p(OwnPasswordSchema, (a, i) => changeOwnPassword(a, i.current, i.password)),
  [`${A}/account/second-factor-actions.ts#regenerateRecoveryCodesAction`]: p(SecondFactorCodeSchema, (a, i) => regenerateRecoveryCodes(a, i.code)),
  [`${A}/cases/new/actions.ts#createCaseAction`]: p(CaseCreateSchema, createCase),
  [`${A}/cases/[id]/edit/actions.ts#updateCaseAction`]: p(CaseUpdateSchema, updateCase),
  [`${A}/cases/[id]/person/actions.ts#correctCasePersonAction`]: p(PersonCorrectionSchema, correctPerson),
  [`${A}/cases/[id]/actions.ts#transitionCaseAction`]: p(CaseTransitionSchema, transitionCase),
  [`${A}/cases/[id]/actions.ts#addActivityAction`]: p(ActivitySchema, addActivity),
  [`${A}/cases/[id]/actions.ts#updateActivityAction`]: p(ActivityUpdateSchema, updateActivity),
  [`${A}/cases/[id]/actions.ts#deleteActivityAction`]: p(ActivityDeleteSchema, deleteActivity),
  [`${A}/cases/[id]/actions.ts#addTrialStayAction`]: p(TrialStaySchema, addTrialStay),
  [`${A}/cases/[id]/actions.ts#addCarePlanAction`]: p(CarePlanSchema, addCarePlan),
  [`${A}/cases/[id]/actions.ts#setCarePlanStatusAction`]: p(CarePlanStatusSchema, (a, i) => setCarePlanStatus(a, i.caseId, i.planId, i.status)),
  [`${A}/cases/[id]/actions.ts#addReadmissionAction`]: p(ReadmissionSchema, addReadmission),
  [`${A}/cases/[id]/actions.ts#recordFollowUpAction`]: p(FollowUpSchema, recordFollowUp),
  [`${A}/cases/[id]/actions.ts#reassignCaseAction`]: p(ReassignSchema, (a, i) => reassignCase(a, i.caseId, i.version, i.coordinatorUserId)),
  [`${A}/cases/[id]/actions.ts#correctPhaseChangeAction`]: p(PhaseChangeCorrectSchema, correctLatestPhaseChange),
  [`${A}/cases/[id]/actions.ts#undoPhaseChangeAction`]: p(PhaseChangeUndoSchema, undoLatestPhaseChange),
  [`${A}/cases/[id]/actions.ts#reopenCaseAction`]: p(CaseReopenSchema, reopenCase),
  [`${A}/transfers/actions.ts#requestTransferAction`]: p(TransferRequestSchema, requestTransfer),
  [`${A}/transfers/actions.ts#cancelTransferAction`]: p(TransferCancelSchema, cancelTransfer),
  [`${A}/transfers/actions.ts#acceptTransferAction`]: p(TransferAcceptSchema, acceptTransfer),
  [`${A}/transfers/actions.ts#declineTransferAction`]: p(TransferDeclineSchema, declineTransfer),
  [`${A}/outreach/new/actions.ts#createOutreachCaseAction`]: p(OutreachCreateSchema, createOutreachCase),
  [`${A}/outreach/new/actions.ts#searchOutreachPersonsAction`]: p(QuerySchema, (a, i) => searchPersonsForActor(a, "outreach", i.q)),
  [`${A}/outreach/[id]/edit/actions.ts#updateOutreachCaseAction`]: p(OutreachUpdateSchema, updateOutreachCase),
  [`${A}/outreach/[id]/person/actions.ts#correctOutreachPersonAction`]: p(PersonCorrectionSchema, correctPerson),
  [`${A}/outreach/[id]/actions.ts#changeOutreachStatusAction`]: p(OutreachStatusSchema, changeOutreachStatus),
  [`${A}/outreach/[id]/actions.ts#addOutreachContactAction`]: p(OutreachContactSchema, addOutreachContact),
  [`${A}/outreach/[id]/actions.ts#addOutreachOutcomeAction`]: p(OutreachOutcomeSchema, addOutreachOutcome),
  [`${A}/outreach/[id]/actions.ts#updateOutreachContactAction`]: p(OutreachContactUpdateSchema, updateOutreachContact),
  [`${A}/outreach/[id]/actions.ts#deleteOutreachContactAction`]: p(OutreachRecordDeleteSchema, deleteOutreachContact),
  [`${A}/outreach/[id]/actions.ts#deleteOutreachOutcomeAction`]: p(OutreachRecordDeleteSchema, deleteOutreachOutcome),
  [`${A}/peers/actions.ts#createPeerAction`]: p(PeerCreateSchema, createPeer),
  [`${A}/peers/actions.ts#updatePeerAction`]: p(PeerUpdateSchema, updatePeer),
  [`${A}/peers/actions.ts#setPeerStatusAction`]: p(PeerStatusSchema, (a, i) => setPeerStatus(a, i.id, i.version, i.status)),
  [`${A}/peers/actions.ts#renewPeerAction`]: p(PeerRenewSchema, (a, i) => renewPeer(a, i.id, i.version, i.fiscalYear)),
  [`${A}/peers/actions.ts#addPeerTrainingAction`]: p(PeerTrainingSchema, addPeerTraining),
  [`${A}/peers/actions.ts#removePeerTrainingAction`]: p(PeerTrainingRemoveSchema, (a, i) => removePeerTraining(a, i.peerId, i.trainingId, { restatementReason: i.restatementReason })),
  [`${A}/peers/dispatches/actions.ts#createDispatchAction`]: p(DispatchCreateSchema, createDispatch),
  [`${A}/peers/dispatches/actions.ts#updateDispatchAction`]: p(DispatchUpdateSchema, updateDispatch),
  [`${A}/peers/dispatches/actions.ts#setDispatchStatusAction`]: p(DispatchStatusSchema, setDispatchStatus),
  [`${A}/activities/meetings/actions.ts#createMeetingAction`]: p(MeetingCreateSchema, createMeeting),
  [`${A}/activities/meetings/actions.ts#updateMeetingAction`]: p(MeetingUpdateSchema, updateMeeting),
  [`${A}/activities/meetings/actions.ts#deleteMeetingAction`]: p(RecordDeleteSchema, (a, i) => deleteMeeting(a, i.id, i.version, i.restatementReason)),
  [`${A}/activities/trainings/actions.ts#createTrainingAction`]: p(TrainingCreateSchema, createTraining),
  [`${A}/activities/trainings/actions.ts#updateTrainingAction`]: p(TrainingUpdateSchema, updateTraining),
  [`${A}/activities/trainings/actions.ts#deleteTrainingAction`]: p(RecordDeleteSchema, (a, i) => deleteTraining(a, i.id, i.version, i.restatementReason)),
  [`${A}/activities/events/actions.ts#createEventAction`]: p(EventCreateSchema, createEvent),
  [`${A}/activities/events/actions.ts#updateEventAction`]: p(EventUpdateSchema, updateEvent),
  [`${A}/activities/events/actions.ts#deleteEventAction`]: p(RecordDeleteSchema, (a, i) => deleteEvent(a, i.id, i.version, i.restatementReason)),
  [`${A}/activities/kyogi/actions.ts#createKyogiBodyAction`]: p(KyogiBodyCreateSchema, createKyogiBody),
  [`${A}/activities/kyogi/actions.ts#updateKyogiBodyAction`]: p(KyogiBodyUpdateSchema, updateKyogiBody),
  [`${A}/activities/kyogi/actions.ts#deleteKyogiBodyAction`]: p(RecordDeleteSchema, (a, i) => deleteKyogiBody(a, i.id, i.version, i.restatementReason)),
  [`${A}/activities/kyogi/actions.ts#saveMunicipalStatusAction`]: p(MunicipalStatusTableSchema, saveMunicipalStatusTable),
  [`${A}/activities/monthly/actions.ts#savePhoneTableAction`]: p(PhoneTableSchema, savePhoneTable),
  [`${A}/activities/monthly/actions.ts#saveHostelTableAction`]: p(HostelTableSchema, saveHostelTable),
  [`${A}/indicators/statistics/actions.ts#createStatisticAction`]: p(StatisticCreateSchema, createStatistic),
  [`${A}/indicators/statistics/actions.ts#updateStatisticAction`]: p(StatisticUpdateSchema, updateStatistic),
  [`${A}/indicators/statistics/actions.ts#deleteStatisticAction`]: p(RecordDeleteSchema, (a, i) => deleteStatistic(a, i.id, i.version, i)),
  [`${A}/indicators/targets/actions.ts#createTargetAction`]: p(TargetCreateSchema, createTarget),
  [`${A}/indicators/targets/actions.ts#updateTargetAction`]: p(TargetUpdateSchema, updateTarget),
  [`${A}/indicators/targets/actions.ts#deleteTargetAction`]: p(RecordDeleteSchema, (a, i) => deleteTarget(a, i.id, i.version, i)),
  [`${A}/indicators/sheet-settings/actions.ts#addSheetRowAction`]: p(SheetRowAddSchema, addSheetRow),
  [`${A}/indicators/sheet-settings/actions.ts#updateSheetHeadingAction`]: p(SheetRowHeadingSchema, updateSheetRowHeading),
  [`${A}/indicators/sheet-settings/actions.ts#moveSheetRowAction`]: p(SheetRowMoveSchema, moveSheetRow),
  [`${A}/indicators/sheet-settings/actions.ts#removeSheetRowAction`]: p(SheetRowRemoveSchema, (a, i) => removeSheetRow(a, i.id, i.version)),
  [`${A}/indicators/sheet-settings/actions.ts#saveNarrativeAction`]: p(NarrativeSchema, saveNarrative),
  [`${A}/indicators/sheet-settings/actions.ts#saveYearFactsAction`]: p(YearFactsSchema, saveYearFacts),
  [`${A}/indicators/year-close/actions.ts#signOffYearAction`]: p(SignOffSchema, signOffYear),
  [`${A}/indicators/year-close/actions.ts#lockYearAction`]: p(LockSchema, lockYear),
  [`${A}/indicators/year-close/actions.ts#unlockYearAction`]: p(UnlockSchema, unlockYear),
  [`${A}/admin/users/actions.ts#createUserAction`]: p(UserCreateSchema, createUser),
  [`${A}/admin/users/actions.ts#updateUserAction`]: p(UserUpdateSchema, updateUser),
  [`${A}/admin/users/actions.ts#setUserActiveAction`]: p(ActiveSchema, (a, i) => setUserActive(a, i.id, i.version, i.active === "true")),
  [`${A}/admin/users/actions.ts#resetPasswordAction`]: p(PasswordResetSchema, (a, i) => resetUserPassword(a, i.id, i.password)),
  [`${A}/admin/users/actions.ts#unlockUserAction`]: p(IdSchema, (a, i) => unlockUser(a, i.id)),
  [`${A}/admin/users/actions.ts#resetSecondFactorAction`]: p(IdSchema, (a, i) => resetUserSecondFactor(a, i.id)),
  [`${A}/approvals/actions.ts#decideAccountChangeAction`]: p(AccountChangeDecisionSchema, decideAccountChange),
  [`${A}/admin/hospitals/actions.ts#createHospitalAction`]: p(HospitalFormSchema, createHospital),
  [`${A}/admin/hospitals/actions.ts#updateHospitalAction`]: p(HospitalUpdateSchema, (a, { id, version, base, ...input }) => updateHospital(a, id, version, input, base)),
};

/** Multi-valued fields go to the schema as arrays, as runFormAction's formValues keeps them. */
const MULTI = new Set<string>(["targets", "professions", "activities", "peerIds", "officeIds", ...TRAINING_MULTI]);

// ---------------------------------------------------------------------------------------------
// The domain: every table but the ones a refused request may append to.

type Raw = import("better-sqlite3").Database;
const raw = (): Raw => (getDb() as unknown as { $client: Raw }).$client;

function domainTables(): string[] {
  return (raw().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !NON_DOMAIN_TABLES.includes(t));
}

/** Row counts and a SHA-256 of every row of every domain table. */
function domainChecksum(): string {
  const hash = createHash("sha256");
  for (const table of domainTables()) {
    const rows = raw().prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all();
    hash.update(`${table}:${rows.length}\n`);
    for (const row of rows) hash.update(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : Buffer.isBuffer(v) ? v.toString("hex") : v)) + "\n");
  }
  return hash.digest("hex");
}

/** A write counter on every domain table (temporary triggers of this connection): cheap enough to read after every call. */
function installWriteCounter(): () => number {
  const db = raw();
  db.exec("CREATE TEMP TABLE IF NOT EXISTS proof_writes (n INTEGER NOT NULL); DELETE FROM proof_writes; INSERT INTO proof_writes VALUES (0);");
  for (const table of domainTables()) {
    for (const op of ["INSERT", "UPDATE", "DELETE"]) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "proof_${table}_${op}" AFTER ${op} ON main."${table}" BEGIN UPDATE proof_writes SET n = n + 1; END;`);
    }
  }
  return () => (db.prepare("SELECT n FROM proof_writes").get() as { n: number }).n;
}

// ---------------------------------------------------------------------------------------------

type Outcome = "ok" | "not_found" | "forbidden" | "invalid" | "conflict" | `error: ${string}`;

let lastDetail = "";
async function outcomeOf(probe: Probe, actor: Actor, form: Form): Promise<Outcome> {
  lastDetail = "";
  const parsed = probe.schema.safeParse(form);
  if (!parsed.success) return `error: the form does not parse: ${JSON.stringify(parsed.error.issues.map((i) => [i.path.join("."), i.message]))}`;
  try {
    await probe.call(actor, parsed.data as never);
    return "ok";
  } catch (e) {
    if (isAppError(e)) {
      lastDetail = `${e.messageKey} ${JSON.stringify(e.fieldErrors)}`;
      return e.code;
    }
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * What an allowed visitor's call may end in: saved, or refused for the data's sake (a date the
 * record's history does not allow, a stale version): either way past the permission and reach checks.
 */
const PAST_THE_GATE: Outcome[] = ["ok", "invalid", "conflict"];

/** Run inside a savepoint and roll it back: the allowed visitor's call leaves nothing behind. */
async function rolledBack<T>(run: () => Promise<T>): Promise<T> {
  const db = raw();
  db.exec("SAVEPOINT proof_control");
  try {
    return await run();
  } finally {
    db.exec("ROLLBACK TO proof_control");
    db.exec("RELEASE proof_control");
  }
}

const guarded = ACTIONS.filter((a) => a.allow !== "everyone");
const signedIn = ROUTE_PROOF_VISITORS.filter((v) => v.username !== null);
let samples: Samples;
let forms: Record<string, Form>;
let writes: () => number;

function formOf(entry: ActionEntry): Form {
  const form = forms[actionKey(entry)];
  assert.ok(form, `${actionKey(entry)}: no form in e2e/fixtures/route-proof.ts`);
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, MULTI.has(k) && !Array.isArray(v) ? [v] : v]));
}

describe("every server action's data-access call, without the proxy", () => {
  before(async () => {
    await seededDb();
    // Pending transfers to and from 備前保健所 (the demo data has none), for the transfer actions.
    const incoming = raw().prepare("SELECT id, version FROM cases WHERE office_id = '33-mimasaka' AND phase = 'preparation' ORDER BY id LIMIT 1").get() as { id: string; version: number };
    requestTransfer(actorFor("mimasaka.sup"), { caseId: incoming.id, version: incoming.version, toOfficeId: "33-bizen", reason: "転居" });
    const outgoing = raw().prepare("SELECT id, version FROM cases WHERE office_id = '33-bizen' AND phase = 'preparation' ORDER BY id LIMIT 1").get() as { id: string; version: number };
    requestTransfer(actorFor("bizen.sup"), { caseId: outgoing.id, version: outgoing.version, toOfficeId: "33-mimasaka", reason: "転居" });
    // A pending account change of a 備前保健所 coordinator (the demo data has none), for the approval action.
    await resetUserPassword(actorFor("okayama.admin"), raw().prepare("SELECT id FROM users WHERE username = 'bizen.coord2'").pluck().get() as string, "Proof-approval-9!x");
    createTarget(actorFor("okayama.pref"), TargetCreateSchema.parse({ indicatorCode: "A15", scope: "prefecture", planPeriodId: "", fiscalYear: "2027", comparator: "gte", value: "10", text: "", baselineValue: "", baselineFiscalYear: "", source: "" }));
    samples = loadSamples((sql, ...params) => raw().prepare(sql).get(...params) as Record<string, unknown> | undefined);
    forms = proofForms(samples);
    writes = installWriteCounter();
  });

  test("every guarded action has a probe and a form; nothing else has one", () => {
    const keys = guarded.map(actionKey).sort();
    assert.deepEqual(Object.keys(PROBES).sort(), keys);
    assert.deepEqual(Object.keys(proofForms(samples)).sort(), keys);
  });

  for (const visitor of signedIn) {
    test(`${visitor.username}: every action it may not use is refused and changes no domain table`, async () => {
      const actor = actorFor(visitor.username!);
      const before = domainChecksum();
      let refused = 0;
      for (const entry of guarded) {
        const v = verdict(entry, visitor);
        if (v === "allow") continue;
        const key = actionKey(entry);
        const expected = v === "reach" && entry.outOfReach === "invalid" ? ["invalid"] : ["not_found", "forbidden"];
        const count = writes();
        const outcome = await outcomeOf(PROBES[key]!, actor, formOf(entry));
        assert.ok(expected.includes(outcome), `${visitor.username} ${key}: expected ${expected.join(" or ")}, got ${outcome}`);
        assert.equal(writes(), count, `${visitor.username} ${key}: a domain table was written`);
        refused++;
      }
      assert.equal(domainChecksum(), before, `${visitor.username}: the domain tables changed`);
      assert.ok(refused > 0, `${visitor.username} is refused something`);
    });
  }

  test("the same calls as an allowed visitor get past the permission check (rolled back)", async () => {
    const failures: string[] = [];
    for (const entry of guarded) {
      const key = actionKey(entry);
      const visitor = signedIn.find((v) => v.kind === "home" && verdict(entry, v) === "allow");
      assert.ok(visitor, `${key}: no home visitor is allowed`);
      const outcome = await rolledBack(() => outcomeOf(PROBES[key]!, actorFor(visitor.username!), formOf(entry)));
      if (!PAST_THE_GATE.includes(outcome)) failures.push(`${key} as ${visitor.username}: ${outcome} ${outcome.startsWith("error") ? "" : lastDetail}`);
    }
    assert.deepEqual(failures, []);
  });
});
