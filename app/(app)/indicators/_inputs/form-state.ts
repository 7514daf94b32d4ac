import type { FormState } from "@/lib/validation/form";

/** A sheet-input form's answer: on a conflict, one line per field someone else changed. */
export type InputFormState = FormState & { conflictLines?: string[] };
