import type { KnownPerson } from "@/lib/dal/persons";
import type { PersonMatches } from "@/lib/dal/person-lookup";
import type { FormState } from "@/lib/validation/form";

/** Options of a select, as the outreach forms receive them from their page. */
export type Option = { value: string; label: string };

/** The new-referral action's answer: possible duplicates of a new person are listed before anything is saved. */
export type NewOutreachState = FormState & { duplicates?: PersonMatches };

/** The edit action's answer: on a conflict, one line per field someone else changed. */
export type EditOutreachState = FormState & { conflictLines?: string[]; conflictBy?: string };

/** A known person as the picker shows the choice (from a search or from the duplicate list). */
export type ChosenPerson = KnownPerson;

/** What the picker's search answers. */
export type PersonSearchResult = { ok: true; persons: ChosenPerson[] } | { ok: false; message: string };
