/*
 * The load generator (ADR 0049), run as its own process so that the runner's event loop does not
 * pace or skew it: `connections` keep-alive connections (node:http Agent), each a loop of GETs for
 * `seconds`, every answer classified as the timed requests are. Prints one JSON line on stdout:
 * { requests, errors, firstError, p50, p95, seconds }.
 *
 * Input: one JSON argument { base, paths, cookie, connections, seconds, contains }.
 */
import { classify, type Classified } from "./classify";
import { keepAliveAgent, timedGet } from "./http";
import { percentile } from "./stats";

type Input = { base: string; paths: string[]; cookie: string; connections: number; seconds: number; contains: string[] };

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? "{}") as Input;
  const agent = keepAliveAgent(input.connections);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const end = t0 + input.seconds * 1000;
  let next = 0;
  const connection = async () => {
    while (performance.now() < end) {
      const path = input.paths[next++ % input.paths.length]!;
      const { ms, outcome } = await timedGet(agent, input.base + path, { Cookie: input.cookie });
      const verdict: Classified = classify(outcome, { type: "html", contains: input.contains });
      if (verdict.ok) latencies.push(ms);
      else {
        errors++;
        firstError ??= `${path}: ${verdict.detail}`;
      }
    }
  };
  await Promise.all(Array.from({ length: input.connections }, connection));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const requests = latencies.length + errors;
  process.stdout.write(`${JSON.stringify({ requests, errors, firstError, p50: percentile(latencies, 50), p95: percentile(latencies, 95), seconds })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
