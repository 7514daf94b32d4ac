// One worker of the production server (scripts/lib/cluster.mjs forks it): Next.js's server on the
// shared port. The primary passes the port and host in the environment.
import { runNextServer } from "./cluster.mjs";

process.title = `tsunagu-worker-${process.env.TSUNAGU_WORKER_SLOT ?? "?"}`;
await runNextServer({ port: Number(process.env.TSUNAGU_SERVE_PORT), hostname: process.env.TSUNAGU_SERVE_HOST || undefined });
