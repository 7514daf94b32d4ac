"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/actions/run-form-action";
import { requireActor } from "@/lib/dal/session";
import { lockYear, signOffYear, unlockYear } from "@/lib/dal/year-close";
import { setFlash } from "@/lib/flash";
import type { MessageKey } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import { LockSchema, SignOffSchema, UnlockSchema } from "@/lib/validation/year-close";

/*
 * Thin actions of the year-end close page (ADR 0025): the shared schema, one DAL call (which
 * checks the role, the office in reach and the prefecture in SQL), then every indicator page
 * (the sheet shows the lock's restatements) is refreshed and the same year is shown again.
 */

async function done(flash: MessageKey, fiscalYear: number): Promise<never> {
  revalidatePath("/indicators", "layout");
  await setFlash(flash);
  redirect(`/indicators/year-close?fy=${fiscalYear}`);
}

export async function signOffYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let fiscalYear = 0;
  const state = await runFormAction(formData, SignOffSchema, async (input) => {
    signOffYear(actor, input);
    fiscalYear = input.fiscalYear;
  });
  return state.ok ? done("yearClose.flash.signedOff", fiscalYear) : state;
}

export async function lockYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let fiscalYear = 0;
  const state = await runFormAction(formData, LockSchema, async (input) => {
    lockYear(actor, input);
    fiscalYear = input.fiscalYear;
  });
  return state.ok ? done("yearClose.flash.locked", fiscalYear) : state;
}

export async function unlockYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  let fiscalYear = 0;
  const state = await runFormAction(formData, UnlockSchema, async (input) => {
    unlockYear(actor, input);
    fiscalYear = input.fiscalYear;
  });
  return state.ok ? done("yearClose.flash.unlocked", fiscalYear) : state;
}
