// Live run events across app instances: one LISTEN connection per process on the run_events channel
// (a trigger NOTIFYs on every RunEvent insert), fanned out to this process's subscribers by run id.
// Whenever LISTEN (re)starts, every subscriber is woken once to read what it may have missed meanwhile.
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/config/env";
import { APP_ROLE_OPTION } from "@/lib/db/app-role";
import { describeError, logger } from "@/lib/log/logger";

const globalForBus = globalThis as unknown as { agenthqRunEventBus?: RunEventBus };

class RunEventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

  subscribe(runId: string, onEvent: () => void): () => void {
    void this.ensureListening();
    this.emitter.on(runId, onEvent);
    return () => this.emitter.off(runId, onEvent);
  }

  /** True while notifications arrive; streams then need only a rare safety poll. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** This process's subscribers of a run (a closed stream leaves none). */
  subscribers(runId: string): number {
    return this.emitter.listenerCount(runId);
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: env.DATABASE_URL,
      options: APP_ROLE_OPTION,
    });
    client.on("notification", (message) => {
      try {
        const { runId } = JSON.parse(message.payload ?? "{}") as { runId?: string };
        if (runId) this.emitter.emit(runId);
      } catch {
        // Not ours.
      }
    });
    client.on("error", (error) => {
      logger.warn("run event listener lost its connection; reconnecting", describeError(error));
      this.client = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.ensureListening().catch(() => undefined), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query("LISTEN run_events");
      this.client = client;
      // Notifications sent while nothing listened are lost: let every stream read what it missed.
      for (const runId of this.emitter.eventNames()) this.emitter.emit(runId);
    } catch (error) {
      logger.warn("could not listen for run events; streams fall back to polling", describeError(error));
      await client.end().catch(() => undefined);
    }
  }
}

export function runEventBus(): RunEventBus {
  globalForBus.agenthqRunEventBus ??= new RunEventBus();
  return globalForBus.agenthqRunEventBus;
}
