import crypto from "node:crypto";
import fs from "node:fs";

const memoryKeys = new Map<string, Buffer>();

/**
 * A secret key kept outside the database: from the environment variable `envName` (at least 32
 * characters), else from `file` beside the database, created on first use (32 random bytes, hex,
 * mode 0600). An in-memory database (the tests) gets a random key per `envName` for the life of
 * the process. `label` names the key in the errors an operator reads.
 */
export function loadKeyFromEnvOrFile(opts: { envName: string; file: string; dbFile: string; label: string; env?: Record<string, string | undefined> }): Buffer {
  const { envName, file, dbFile, label, env = process.env } = opts;
  const fromEnv = env[envName];
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error(`${envName} must be at least 32 characters (for example 64 hex digits from \`openssl rand -hex 32\`).`);
    return Buffer.from(fromEnv, "utf8");
  }
  if (dbFile === ":memory:") {
    let key = memoryKeys.get(envName);
    if (!key) memoryKeys.set(envName, (key = crypto.randomBytes(32)));
    return key;
  }
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  fs.chmodSync(file, 0o600);
  const text = fs.readFileSync(file, "utf8").trim();
  if (text.length < 32) throw new Error(`The ${label} file ${file} is shorter than 32 characters: restore it from the backup of the keys.`);
  return Buffer.from(text, "utf8");
}
