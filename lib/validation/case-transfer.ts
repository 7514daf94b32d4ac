import { z } from "zod";
import { text } from "./fields";

/** Forms of a case's transfer to another office (ADR 0032). Messages are catalog keys. */

export const TransferRequestSchema = z.object({
  caseId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  toOfficeId: z.string().min(1, "transfer.validation.officeRequired"),
  reason: text("reason").min(1, "transfer.validation.reasonRequired"),
});
export type TransferRequestInput = z.infer<typeof TransferRequestSchema>;

export const TransferCancelSchema = z.object({
  transferId: z.string().min(1),
  version: z.coerce.number().int().min(1),
});
export type TransferCancelInput = z.infer<typeof TransferCancelSchema>;

export const TransferDeclineSchema = z.object({
  transferId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  note: text("reason").min(1, "transfer.validation.declineReasonRequired"),
});
export type TransferDeclineInput = z.infer<typeof TransferDeclineSchema>;

export const TransferAcceptSchema = z.object({
  transferId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  coordinatorUserId: z.string().min(1, "validation.case.coordinatorRequired"),
});
export type TransferAcceptInput = z.infer<typeof TransferAcceptSchema>;
