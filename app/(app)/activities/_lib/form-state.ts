import type { FormState } from "@/lib/validation/form";

/** An activity form's answer: on a conflict, one line per field someone else changed. */
export type ActivityFormState = FormState & { conflictLines?: string[]; conflictBy?: string };
