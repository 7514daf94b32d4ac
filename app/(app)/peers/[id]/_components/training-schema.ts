import { z } from "zod";
import { restatementReason } from "@/lib/validation/fields";

/**
 * Removing a training entered by mistake: which one, and 訂正の理由 when it lies in a locked
 * fiscal year (ADR 0025). Shared by the dialog (checked in the browser) and the action.
 */
export const RemoveTrainingSchema = z.object({ peerId: z.string().min(1), trainingId: z.string().min(1), restatementReason });
