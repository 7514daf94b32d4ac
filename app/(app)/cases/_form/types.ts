import type { PersonMatches } from "@/lib/dal/person-lookup";
import type { FormState } from "@/lib/validation/form";

/** Options of a select, as the case forms receive them from their page. */
export type Option = { value: string; label: string };

/** The new-case action's answer: possible duplicates are listed before anything is saved. */
export type NewCaseState = FormState & { duplicates?: PersonMatches };

/** The edit action's answer: on a conflict, one line per field someone else changed. */
export type EditCaseState = FormState & { conflictLines?: string[]; conflictBy?: string };
