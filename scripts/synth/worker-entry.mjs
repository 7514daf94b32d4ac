// The generating thread of db:synth (ADR 0048): TypeScript through tsx, as the main thread runs.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
