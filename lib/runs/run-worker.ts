// A run worker: takes run jobs from the queue and executes them, `concurrency` at a time. Runs inside
// the app (RUN_WORKERS) or as its own process (npm run worker); any number of them on any machines.
import type PgBoss from "pg-boss";
import { modelProvider } from "@/lib/agents/providers/model-provider";
import { describeError, logger } from "@/lib/log/logger";
import { LOST_RUN_QUEUE, RUN_QUEUE, runQueue, type RunJob } from "@/lib/queue/run-queue";
import { executeRun, failLostRun } from "./execute-run";

export async function startRunWorker(concurrency: number): Promise<{ stop(): Promise<void> }> {
  const boss = await runQueue({ supervise: true });
  const provider = modelProvider();
  const handle = (work: (job: RunJob) => Promise<void>) => async (jobs: PgBoss.Job<RunJob>[]) => {
    for (const job of jobs) {
      try {
        await work(job.data);
      } catch (error) {
        logger.error("run job failed", { runId: job.data.runId, ...describeError(error) });
        throw error;
      }
    }
  };
  for (let i = 0; i < concurrency; i++) {
    await boss.work<RunJob>(RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, handle((job) => executeRun(job, provider)));
  }
  await boss.work<RunJob>(LOST_RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, handle(failLostRun));
  logger.info("run worker started", { concurrency, provider: provider.name });
  return { stop: () => boss.stop({ graceful: true, timeout: 30_000, wait: true }) };
}
