/*
 * `npm run bench` arguments (ADR 0049). Pure: tests/bench/args.test.ts.
 */

export type Scale = "prefecture" | "national";

export type BenchOptions = {
  /** An existing database, opened as the server would (never copied); else one is generated. */
  db?: string;
  scale: Scale;
  /** Timed requests per endpoint (after the warm-up). */
  requests: number;
  warmup: number;
  loadSeconds: number;
  connections: number;
  ci: boolean;
  json: string;
  port: number;
  /** The fiscal year of the sheet, its API and the dashboard; default the last whole year. */
  fy?: number;
  /** Skip the /cases/new JavaScript measurement (no browser on the machine). */
  skipJs: boolean;
};

export const USAGE = `npm run bench -- [--db <file>] [--scale prefecture|national] [--requests N] [--load-seconds S]
                      [--connections C] [--ci] [--json <file>] [--port P] [--fy YYYY] [--skip-js]
  --db            an existing database (e.g. from npm run db:synth); else one is generated at --scale
  --scale         national (default) or prefecture; --ci means prefecture
  --requests      timed requests per endpoint (default 200, --ci 30), after a few warm-up requests
  --load-seconds  length of the load test (default 30, --ci 5)
  --connections   keep-alive connections of the load test (default 50)
  --json          where the results are written (default test-results/bench.json)
  --port          the server's port (default BENCH_PORT or 3190)
  --fy            fiscal year of the sheet, its API and the dashboard (default the last whole year)
  --skip-js       do not measure the JavaScript of /cases/new (needs Chromium)`;

export class ArgumentError extends Error {}

/** A whole-number option's value, at least `min`; throws ArgumentError otherwise. */
export function whole(name: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new ArgumentError(`${name} takes a whole number, got ${value === undefined ? "nothing" : `"${value}"`}`);
  const n = Number(value);
  if (n < min) throw new ArgumentError(`${name} must be at least ${min}, got ${n}`);
  return n;
}

/** Reads the command line (without node and the script); throws ArgumentError with what is wrong. */
export function parseBenchArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): BenchOptions {
  const given = new Map<string, string | undefined>();
  const flags = new Set(["--ci", "--skip-js", "--help"]);
  const valued = new Set(["--db", "--scale", "--requests", "--load-seconds", "--connections", "--json", "--port", "--fy"]);
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf("=");
    const name = raw.startsWith("--") && eq > 0 ? raw.slice(0, eq) : raw;
    if (flags.has(name)) {
      given.set(name, undefined);
    } else if (valued.has(name)) {
      const value = eq > 0 && raw.startsWith("--") ? raw.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new ArgumentError(`${name} needs a value`);
      given.set(name, value);
    } else {
      throw new ArgumentError(`unknown argument "${raw}"`);
    }
  }
  if (given.has("--help")) throw new ArgumentError("");
  const ci = given.has("--ci");
  const scaleValue = given.get("--scale") ?? (ci ? "prefecture" : "national");
  if (scaleValue !== "prefecture" && scaleValue !== "national") throw new ArgumentError(`--scale is prefecture or national, got "${scaleValue}"`);
  const requests = given.has("--requests") ? whole("--requests", given.get("--requests"), 1) : ci ? 30 : 200;
  const fy = given.has("--fy") ? whole("--fy", given.get("--fy"), 2000) : undefined;
  return {
    db: given.get("--db"),
    scale: scaleValue,
    requests,
    warmup: Math.min(5, Math.max(1, Math.ceil(requests / 10))),
    loadSeconds: given.has("--load-seconds") ? whole("--load-seconds", given.get("--load-seconds"), 1) : ci ? 5 : 30,
    connections: given.has("--connections") ? whole("--connections", given.get("--connections"), 1) : 50,
    ci,
    json: given.get("--json") ?? "test-results/bench.json",
    port: given.has("--port") ? whole("--port", given.get("--port"), 1) : env.BENCH_PORT ? whole("BENCH_PORT", env.BENCH_PORT, 1) : 3190,
    fy,
    skipJs: given.has("--skip-js"),
  };
}
