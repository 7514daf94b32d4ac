// AUTH_SECRET signs the session cookies. Without one in the environment, the app makes
// one on first start and keeps it under data/ (never committed), so sessions survive restarts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureAuthSecret(dir = "data") {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`[tsunagu] Generated a new AUTH_SECRET in ${file}.`);
  }
  return fs.readFileSync(file, "utf8").trim();
}
