import { z } from "zod";
import "./zod-errors";
import { passwordProblem, passwordProblemMessage } from "@/lib/auth/password-rules";
import { ROLES } from "@/lib/domain/codes";
import { roleHasOffices } from "@/lib/auth/permissions";

/**
 * Schemas shared by the admin forms and their actions. Error messages are catalog keys
 * (`validation.*`), translated where they are shown.
 */

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "validation.username.length")
  .max(64, "validation.username.length")
  .regex(/^[a-z0-9._-]+$/, "validation.username.format");

const displayName = z.string().trim().min(1, "validation.displayName.required").max(60, "validation.displayName.length");

/**
 * A new password: the context-free part of the one rule (lib/auth/password-rules.ts). The
 * data-access layer runs the rule again with the username, the place names and the
 * common-password list before it hashes anything.
 */
const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: passwordProblemMessage(problem) });
});

/** The new user's own username, known on the create form. */
function checkPasswordAgainstUsername(value: { username: string; password: string }, ctx: z.RefinementCtx) {
  if (passwordProblem(value.password) === null && passwordProblem(value.password, { username: value.username }) === "username") {
    ctx.addIssue({ code: "custom", path: ["password"], message: passwordProblemMessage("username") });
  }
}

const officeIds = z.array(z.string().min(1)).max(20);

/** Coordinators and supervisors need at least one office; prefecture and admin roles have none. */
function checkOffices(value: { role: (typeof ROLES)[number]; officeIds: string[] }, ctx: z.RefinementCtx) {
  if (roleHasOffices(value.role) && value.officeIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["officeIds"], message: "validation.offices.required" });
  }
  if (!roleHasOffices(value.role) && value.officeIds.length > 0) {
    ctx.addIssue({ code: "custom", path: ["officeIds"], message: "validation.offices.notAllowed" });
  }
}

export const UserCreateSchema = z
  .object({
    username,
    displayName,
    role: z.enum(ROLES, "validation.role.required"),
    officeIds,
    password,
  })
  .superRefine(checkOffices)
  .superRefine(checkPasswordAgainstUsername);
export type UserCreateInput = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    id: z.string().min(1),
    version: z.coerce.number().int().min(1),
    /** The values the form was loaded with (JSON), so a stale save lists only what someone else changed. */
    base: z.string().optional().default(""),
    displayName,
    role: z.enum(ROLES, "validation.role.required"),
    officeIds,
  })
  .superRefine(checkOffices);
export type UserUpdateInput = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z
  .object({ id: z.string().min(1), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.password.mismatch" });

export const OwnPasswordSchema = z
  .object({ current: z.string().min(1, "validation.password.currentRequired"), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.password.mismatch" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "validation.password.same" });

export const SignInSchema = z.object({
  username: z.string().trim().min(1, "validation.signIn.usernameRequired").max(64),
  password: z.string().min(1, "validation.signIn.passwordRequired").max(256),
  next: z.string().optional(),
});
