"use server";
import { saveHostelTable, savePhoneTable } from "@/lib/dal/monthly-figures";
import { requirePermission } from "@/lib/dal/session";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { HostelTableSchema, PhoneTableSchema } from "@/lib/validation/activities-tables";
import type { ActivityFormState } from "../_lib/form-state";
import { saveYearTable } from "../_lib/record-actions";
import { monthLabel } from "./_components/month-label";

/*
 * Save a fiscal year's table. A month someone else saved since the form was loaded stops the
 * whole save; the answer names those months.
 */

const table = {
  // Each month someone else saved, by its name; its figures are not repeated in the line.
  conflict: (_input: unknown, _t: Translate, locale: Locale) => ({
    labels: (month: string) => `${month.slice(0, 4)} ${monthLabel(month, locale)}`,
    format: () => null,
  }),
  then: (fiscalYear: number) => `/activities/monthly?fy=${fiscalYear}`,
} as const;

export async function savePhoneTableAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requirePermission("write:prefecture-activity:prefecture");
  return saveYearTable(formData, PhoneTableSchema, (input) => savePhoneTable(actor, input), table);
}

export async function saveHostelTableAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requirePermission("write:prefecture-activity:prefecture");
  return saveYearTable(formData, HostelTableSchema, (input) => saveHostelTable(actor, input), table);
}
