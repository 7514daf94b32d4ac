#!/usr/bin/env node
// Serve the built app the way `npm start` does (scripts/lib/cluster.mjs: one worker per core,
// TSUNAGU_WORKERS overrides), without start.mjs's checks (secret, demo decision, build): for the
// bench and the durability test, which prepare those themselves.
//   node scripts/serve.mjs -p <port> [-H <host>]
import { serve } from "./lib/cluster.mjs";

const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
await serve({ port: Number(arg("-p") ?? process.env.PORT ?? 3000), hostname: arg("-H") });
