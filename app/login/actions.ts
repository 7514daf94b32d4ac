"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeLocalPath } from "@/lib/safe-path";
import { getT } from "@/lib/i18n/server";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { SignInSchema } from "@/lib/validation/user";

/** Only a same-site path may follow sign-in, and never the sign-in page itself. */
function safeNext(next: string | undefined): string {
  const path = safeLocalPath(next);
  return path.startsWith("/login") ? "/" : path;
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, SignInSchema, async (input) => {
    try {
      await signIn("credentials", { username: input.username, password: input.password, redirectTo: safeNext(input.next) });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error; // the success redirect travels as an error too
      const t = await getT();
      const code = (error as AuthError & { code?: string }).code;
      const message = code === "locked" ? "auth.locked" : code === "throttled" ? "auth.throttled" : "auth.invalid";
      return { ok: false, message: t(message), values: { username: input.username } };
    }
  });
}
