"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { z } from "zod";
import type { Actor } from "@/lib/dal/actor";
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

/**
 * The body every action here shares: parse, one DAL call with the signed-in actor, then (on
 * success) refresh the indicator pages, say what happened and show the same year again.
 */
async function yearAction<S extends z.ZodType<{ fiscalYear: number }>>(formData: FormData, schema: S, run: (actor: Actor, input: z.infer<S>) => unknown, flash: MessageKey): Promise<FormState> {
  const actor = await requireActor();
  let fiscalYear = 0;
  const state = await runFormAction(formData, schema, async (input) => {
    run(actor, input);
    fiscalYear = input.fiscalYear;
  });
  if (!state.ok) return state;
  revalidatePath("/indicators", "layout");
  await setFlash(flash);
  redirect(`/indicators/year-close?fy=${fiscalYear}`);
}

export async function signOffYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return yearAction(formData, SignOffSchema, signOffYear, "yearClose.flash.signedOff");
}

export async function lockYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return yearAction(formData, LockSchema, lockYear, "yearClose.flash.locked");
}

export async function unlockYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return yearAction(formData, UnlockSchema, unlockYear, "yearClose.flash.unlocked");
}
