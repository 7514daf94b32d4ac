// A worker thread that opens the shared test database file and creates cases as fast as it
// can, to race other workers for case numbers (see tests/dal/case-numbers.test.ts).
import { parentPort, workerData } from "node:worker_threads";
import { createCase } from "@/lib/dal/cases";
import { CaseCreateSchema } from "@/lib/validation/case";
import { actorFor } from "./test-db";

const { databasePath, count, input } = workerData as { databasePath: string; count: number; input: Record<string, string> };
// After the imports (test-db points at :memory:), before first use: the database opens lazily.
process.env.DATABASE_PATH = databasePath;

const actor = actorFor("bizen.coord");
const parsed = CaseCreateSchema.parse(input);
const numbers: string[] = [];
for (let i = 0; i < count; i++) numbers.push(createCase(actor, parsed).caseNo);
parentPort?.postMessage(numbers);
