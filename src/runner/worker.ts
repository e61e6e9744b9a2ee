/** Worker entry: loads the pipeline once (on the first batch), then processes batches on request. */
import { parentPort, workerData } from "node:worker_threads";
import { type BatchDocument, processBatch } from "./batch.js";

interface WorkerInit {
  pipeline: string;
  pretty: boolean;
}

const init = workerData as WorkerInit;

parentPort?.postMessage({ ready: true });

parentPort?.on("message", (msg: { id: number; docs: BatchDocument[] }) => {
  try {
    const result = processBatch(msg.docs, init.pipeline, init.pretty);
    parentPort?.postMessage({ id: msg.id, result });
  } catch (err) {
    // processBatch never throws for one document; this is a pipeline that cannot load.
    parentPort?.postMessage({ id: msg.id, failure: err instanceof Error ? err.message : String(err) });
  }
});
