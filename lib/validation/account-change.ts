import { z } from "zod";
import "./zod-errors";
import { text } from "./fields";

/** Approve or reject an account change (ADR 0039); a rejection names its reason. */
export const AccountChangeDecisionSchema = z
  .object({
    id: z.string().min(1),
    decision: z.enum(["approve", "reject"]),
    reason: text("reason").optional().default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length > 0, { path: ["reason"], message: "approvals.errors.reasonRequired" });
export type AccountChangeDecisionInput = z.infer<typeof AccountChangeDecisionSchema>;
