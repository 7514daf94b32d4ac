/** Kept apart from password.ts (server-only hashing) so forms can show the rule too. */
export const PASSWORD_MIN_LENGTH = 12;
