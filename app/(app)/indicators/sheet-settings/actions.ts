"use server";
import type { ConflictWording } from "@/lib/actions/conflict-wording";
import { addSheetRow, moveSheetRow, removeSheetRow, saveNarrative, saveYearFacts, updateSheetRowHeading } from "@/lib/dal/sheet-settings";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import { NarrativeSchema, SheetRowAddSchema, SheetRowHeadingSchema, SheetRowMoveSchema, SheetRowRemoveSchema, YearFactsSchema } from "@/lib/validation/sheet-settings";
import { requireInputManager } from "../_inputs/access";
import { deleteInput, saveInput } from "../_inputs/actions";
import type { InputFormState } from "../_inputs/form-state";

/*
 * Thin actions of the sheet settings page: each row's forms save on their own (the shared
 * schema, one DAL call that checks the role and the prefecture), then back to the page of the
 * same fiscal year with a flash.
 */

const LABELS: Record<string, MessageKey> = {
  heading: "indicatorInputs.sheet.rows.columns.heading",
  text: "indicatorInputs.sheet.narratives.fieldLabel",
  jiritsuMhSubcommittee: "indicatorInputs.sheet.facts.subcommittee",
  hostelUniqueUsers: "indicatorInputs.sheet.facts.hostelUsers",
  kyogiAsOfNextApril: "indicatorInputs.sheet.facts.kyogiYear",
};

/** A fact's 有 / 無 and the 協議の場 block's date in words, not as true / false. */
function wording(t: Translate): ConflictWording {
  return {
    labels: (field) => (LABELS[field] ? t(LABELS[field]) : undefined),
    names: {
      jiritsuMhSubcommittee: { true: t("indicatorInputs.sheet.facts.yes"), false: t("indicatorInputs.sheet.facts.no") },
      kyogiAsOfNextApril: { true: t("indicatorInputs.sheet.facts.kyogiNextApril"), false: t("indicatorInputs.sheet.facts.kyogiSameYear") },
    },
  };
}

/** The page of the year the form was on (a hidden `fy`); the page itself falls back to the header's year. */
function pageOf(formData: FormData): string {
  const fy = Number(formData.get("fy"));
  return Number.isInteger(fy) && fy >= 2000 && fy <= 2099 ? `/indicators/sheet-settings?fy=${fy}` : "/indicators/sheet-settings";
}

export async function addSheetRowAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  return saveInput(formData, SheetRowAddSchema, (input) => addSheetRow(actor, input), { conflict: wording, flash: "indicatorInputs.common.flash.created", then: () => pageOf(formData) });
}

export async function updateSheetHeadingAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  return saveInput(formData, SheetRowHeadingSchema, (input) => updateSheetRowHeading(actor, input), { conflict: wording, flash: "indicatorInputs.common.flash.updated", then: () => pageOf(formData) });
}

export async function moveSheetRowAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  return saveInput(formData, SheetRowMoveSchema, (input) => moveSheetRow(actor, input), { conflict: wording, flash: "indicatorInputs.common.flash.updated", then: () => pageOf(formData) });
}

export async function removeSheetRowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireInputManager();
  return deleteInput(formData, SheetRowRemoveSchema, (code, version) => removeSheetRow(actor, code, version), pageOf(formData));
}

export async function saveNarrativeAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  let changed = false;
  return saveInput(formData, NarrativeSchema, (input) => (changed = saveNarrative(actor, input).changed), {
    conflict: wording,
    flash: () => (changed ? "indicatorInputs.common.flash.updated" : "indicatorInputs.common.flash.noChanges"),
    then: () => pageOf(formData),
  });
}

export async function saveYearFactsAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  let changed = false;
  return saveInput(formData, YearFactsSchema, (input) => (changed = saveYearFacts(actor, input).changed), {
    conflict: wording,
    flash: () => (changed ? "indicatorInputs.common.flash.updated" : "indicatorInputs.common.flash.noChanges"),
    then: () => pageOf(formData),
  });
}
