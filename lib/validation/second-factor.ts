import { z } from "zod";

/** A verification code (TOTP) or a recovery code, as typed; lib/auth/totp.ts decides which. */
export const SecondFactorCodeSchema = z.object({
  code: z.string().trim().min(1, "twofa.codeRequired").max(64, "twofa.codeWrong"),
  next: z.string().optional(),
});

export const FinishEnrolmentSchema = z.object({ next: z.string().optional() });
