// Bootstraps a worker thread that runs a TypeScript module (worker_threads cannot start
// from a .ts file under Node 20's loader hooks; tsx's API can import one).
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
