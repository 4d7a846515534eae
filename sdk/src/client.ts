// The AgentHQ client: one request path (auth, JSON, retries of 429 and 503 after Retry-After, typed
// errors from problem+json), and resources on top of it. Creating a run always carries an idempotency
// key, so a retried create never starts a second run.
import { AgentHQError, errorFrom } from "./errors.js";
import { readEventStream } from "./sse.js";
import type {
  Agent,
  AgentChange,
  AgentDefinition,
  AgentVersion,
  CreatedWebhookEndpoint,
  CreateRunRequest,
  CreateWebhookRequest,
  ListRunsQuery,
  RotatedWebhookSecret,
  Run,
  RunAccepted,
  RunDetail,
  RunEvent,
  RunsPage,
  Usage,
  WebhookDelivery,
  WebhookEndpoint,
  Workspace,
} from "./types.js";

export interface ClientOptions {
  /** An API key: ahq_live_… or ahq_test_…. */
  apiKey: string;
  /** The AgentHQ server, e.g. https://agenthq.example.com (default http://localhost:3000). */
  baseUrl?: string;
  /** Retries of a 429, a 503 or a dropped connection; default 3. */
  maxRetries?: number;
  /** Longest wait before a retry, whatever Retry-After says; default 60 s. */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
}

const TERMINAL = new Set(["succeeded", "failed", "canceled"]);
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export class AgentHQ {
  readonly runs: Runs;
  readonly agents: Agents;
  readonly webhooks: Webhooks;
  private readonly baseUrl: string;
  private readonly options: Required<Omit<ClientOptions, "baseUrl" | "fetch">> & { fetch: typeof fetch };

  constructor(options: ClientOptions) {
    if (!/^ahq_(live|test)_[A-Za-z0-9]{32,}$/.test(options.apiKey))
      throw new TypeError("apiKey must be an AgentHQ API key (ahq_live_… or ahq_test_…).");
    this.baseUrl = (options.baseUrl ?? "http://localhost:3000").replace(/\/+$/, "");
    this.options = {
      apiKey: options.apiKey,
      maxRetries: options.maxRetries ?? 3,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 60_000,
      fetch: options.fetch ?? globalThis.fetch,
    };
    this.runs = new Runs(this);
    this.agents = new Agents(this);
    this.webhooks = new Webhooks(this);
  }

  /** The key's workspace. */
  workspace(): Promise<Workspace> {
    return this.request("GET", "/api/v1/workspace");
  }

  /** This period's usage and limits. */
  usage(): Promise<Usage> {
    return this.request("GET", "/api/v1/usage");
  }

  /** @internal One call of the API, retried on 429 and 503 (and dropped connections when `retrySafe`). */
  async send(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; retrySafe?: boolean; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const retrySafe = init.retrySafe ?? method === "GET";
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.options.fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            ...(init.body !== undefined && { "content-type": "application/json" }),
            ...init.headers,
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: init.signal,
        });
      } catch (error) {
        if (init.signal?.aborted || !retrySafe || attempt >= this.options.maxRetries) throw error;
        await sleep(this.backoff(attempt, null), init.signal);
        continue;
      }
      if ((response.status === 429 || response.status === 503) && attempt < this.options.maxRetries) {
        const retryAfter = Number(response.headers.get("retry-after"));
        await response.body?.cancel();
        await sleep(
          this.backoff(attempt, Number.isFinite(retryAfter) && response.headers.has("retry-after") ? retryAfter : null),
          init.signal,
        );
        continue;
      }
      if (!response.ok) throw await errorFrom(response);
      return response;
    }
  }

  /** @internal */
  async request<T>(method: string, path: string, init: Parameters<AgentHQ["send"]>[2] = {}): Promise<T> {
    const response = await this.send(method, path, init);
    return (await response.json()) as T;
  }

  private backoff(attempt: number, retryAfterSeconds: number | null): number {
    const wanted = retryAfterSeconds !== null ? retryAfterSeconds * 1000 : 500 * 2 ** attempt * (0.5 + Math.random());
    return Math.min(this.options.maxRetryDelayMs, Math.max(0, wanted));
  }
}

class Runs {
  constructor(private readonly client: AgentHQ) {}

  /** Starts a run (202), or returns the run its idempotency key made before (200). */
  create(request: CreateRunRequest): Promise<RunAccepted | Run> {
    const body = { ...request, idempotencyKey: request.idempotencyKey ?? crypto.randomUUID() };
    // With an idempotency key, a create is safe to repeat after a dropped connection.
    return this.client.request("POST", "/api/v1/runs", { body, retrySafe: true });
  }

  get(id: string): Promise<RunDetail> {
    return this.client.request("GET", `/api/v1/runs/${encodeURIComponent(id)}`);
  }

  list(query: ListRunsQuery = {}): Promise<RunsPage> {
    const search = new URLSearchParams(
      Object.entries(query)
        .filter((e): e is [string, string | number] => e[1] !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    return this.client.request("GET", `/api/v1/runs${search.size ? `?${search}` : ""}`);
  }

  /** Every run, newest first, a page at a time. */
  async *iterate(query: Omit<ListRunsQuery, "cursor"> = {}): AsyncGenerator<Run> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, cursor });
      yield* page.data;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  cancel(id: string): Promise<Run> {
    return this.client.request("POST", `/api/v1/runs/${encodeURIComponent(id)}/cancel`, { retrySafe: true });
  }

  /**
   * The run's events as they happen, ending after `done`. A dropped connection (or the server ending a
   * long stream) is resumed from the last event seen, so nothing is missed or repeated.
   */
  async *events(id: string, options: { lastEventId?: string; signal?: AbortSignal } = {}): AsyncGenerator<RunEvent> {
    let lastEventId = options.lastEventId;
    for (let reconnects = 0; ;) {
      let response: Response;
      try {
        response = await this.client.send("GET", `/api/v1/runs/${encodeURIComponent(id)}/events`, {
          headers: { accept: "text/event-stream", ...(lastEventId && { "last-event-id": lastEventId }) },
          signal: options.signal,
        });
      } catch (error) {
        if (error instanceof AgentHQError || options.signal?.aborted || ++reconnects > 5) throw error;
        await sleep(500 * reconnects, options.signal);
        continue;
      }
      try {
        for await (const message of readEventStream(response.body!)) {
          if (message.id) lastEventId = message.id;
          const event = { id: message.id, type: message.event, data: JSON.parse(message.data) } as RunEvent;
          reconnects = 0;
          yield event;
          if (event.type === "done") return;
        }
      } catch (error) {
        if (options.signal?.aborted || ++reconnects > 5) throw error;
      }
      await sleep(200, options.signal);
    }
  }

  /**
   * Waits for the run to finish and returns it: follows its event stream, and falls back to polling
   * when streaming is not possible (a proxy that buffers, a stream refused with 429).
   */
  async wait(id: string, options: { timeoutMs?: number; pollIntervalMs?: number; signal?: AbortSignal } = {}): Promise<RunDetail> {
    const signal = AbortSignal.any([options.signal ?? new AbortController().signal, AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000)]);
    try {
      for await (const event of this.events(id, { signal })) if (event.type === "done") break;
      return await this.get(id);
    } catch (error) {
      if (signal.aborted) throw error;
    }
    for (;;) {
      const run = await this.get(id);
      if (TERMINAL.has(run.status)) return run;
      await sleep(options.pollIntervalMs ?? 1_000, signal);
    }
  }
}

class Agents {
  constructor(private readonly client: AgentHQ) {}

  /** The built-in agents, then the workspace's own, each with its input schema. */
  async list(): Promise<Agent[]> {
    return (await this.client.request<{ data: Agent[] }>("GET", "/api/v1/agents")).data;
  }

  get(id: string): Promise<Agent> {
    return this.client.request("GET", `/api/v1/agents/${encodeURIComponent(id)}`);
  }

  create(definition: AgentDefinition | { template: string; name?: string; id?: string }): Promise<Agent> {
    return this.client.request("POST", "/api/v1/agents", { body: definition });
  }

  /** Saves a change as the agent's next version. */
  update(id: string, change: AgentChange): Promise<Agent> {
    return this.client.request("PATCH", `/api/v1/agents/${encodeURIComponent(id)}`, { body: change });
  }

  archive(id: string): Promise<Agent> {
    return this.client.request("DELETE", `/api/v1/agents/${encodeURIComponent(id)}`);
  }

  async versions(id: string): Promise<AgentVersion[]> {
    return (await this.client.request<{ data: AgentVersion[] }>("GET", `/api/v1/agents/${encodeURIComponent(id)}/versions`)).data;
  }
}

class Webhooks {
  constructor(private readonly client: AgentHQ) {}

  async list(): Promise<WebhookEndpoint[]> {
    return (await this.client.request<{ data: WebhookEndpoint[] }>("GET", "/api/v1/webhooks")).data;
  }

  /** Registers an endpoint; the answer carries its signing secret, this once. */
  create(request: CreateWebhookRequest): Promise<CreatedWebhookEndpoint> {
    return this.client.request("POST", "/api/v1/webhooks", { body: request });
  }

  delete(id: string): Promise<{ id: string; deleted: true }> {
    return this.client.request("DELETE", `/api/v1/webhooks/${encodeURIComponent(id)}`);
  }

  async deliveries(id: string): Promise<WebhookDelivery[]> {
    return (await this.client.request<{ data: WebhookDelivery[] }>("GET", `/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`)).data;
  }

  /** A new secret; the old one keeps signing too for 24 hours. */
  rotateSecret(id: string): Promise<RotatedWebhookSecret> {
    return this.client.request("POST", `/api/v1/webhooks/${encodeURIComponent(id)}/rotate-secret`);
  }
}
