// The environment, parsed once with zod at start-up. Nothing else in the app reads process.env.
import { z } from "zod";
import { modelPricesSchema, priceTable, serverModelsSchema } from "./models";

/** "10.0.0.0/8", "fd00::/8" or a single address (checked without node:net: this module also loads on the edge). */
function isCidr(text: string): boolean {
  const [address = "", bits, extra] = text.split("/");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  const family =
    v4 && v4.slice(1).every((octet) => Number(octet) <= 255) ? 4 : /^[0-9a-f:.]+$/i.test(address) && address.includes(":") ? 6 : 0;
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
}

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A setting holding JSON of `schema`; unset or empty: `{}`. */
function jsonSetting<T extends z.ZodType>(schema: T) {
  return optional.pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return {};
        try {
          return JSON.parse(v) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "must be JSON" });
          return z.NEVER;
        }
      })
      .pipe(schema),
  );
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** PostgreSQL connection string. Unset: `npm start` runs an embedded PostgreSQL under DATA_DIR. */
    DATABASE_URL: optional,
    /** Where local state lives: the embedded database, the generated auth secret. */
    DATA_DIR: z.string().default(".data"),
    /** Port of the embedded PostgreSQL (used only when DATABASE_URL is unset). */
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    /** Signs session cookies. Unset: `npm start` generates one and keeps it in DATA_DIR. */
    NEXTAUTH_SECRET: optional,
    /** Public base URL of the app, used in links and OAuth callbacks. */
    NEXTAUTH_URL: optional,
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    /** GitHub's OAuth and API base URLs: GitHub's own by default (a local stand-in in tests). */
    GITHUB_OAUTH_BASE: z
      .url()
      .default("https://github.com")
      .transform((v) => v.replace(/\/+$/, "")),
    GITHUB_API_BASE: z
      .url()
      .default("https://api.github.com")
      .transform((v) => v.replace(/\/+$/, "")),
    GOOGLE_ID: optional,
    GOOGLE_SECRET: optional,
    /** Plain Redis for rate limits, shared by all instances (e.g. redis://127.0.0.1:6379). */
    REDIS_URL: optional,
    /** Upstash Redis (REST) for rate limits; takes precedence over REDIS_URL. */
    UPSTASH_REDIS_REST_URL: optional,
    UPSTASH_REDIS_REST_TOKEN: optional,
    /**
     * Which proxies in front of the app to believe about the client's address: unset (none: the socket's
     * address is the client), a number of hops, or comma-separated CIDRs of the proxies.
     */
    TRUSTED_PROXIES: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || /^\d{1,2}$/.test(v) || v.split(",").every((c) => isCidr(c.trim())),
        "a number of hops (e.g. 1) or CIDRs (e.g. 10.0.0.0/8,fd00::/8)",
      ),
    /** Login and sign-up attempts allowed per client IP per minute. */
    AUTH_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    /** API calls per minute for Enterprise workspaces (their limits are agreed per contract). */
    ENTERPRISE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6_000),
    /** Serve /api/bench/bare and /api/bench/database-read, the reference routes of `npm run bench`. Off in normal operation. */
    BENCH_ROUTES: z
      .string()
      .optional()
      .transform((v) => v === "1"),
    /** Anthropic API key; unset: runs use the built-in offline demo provider. */
    ANTHROPIC_API_KEY: optional,
    /** Anthropic API base URL (a proxy, or a stand-in in tests). */
    ANTHROPIC_BASE_URL: optional,
    ANTHROPIC_MODEL: z.string().default("claude-sonnet-4-6"),
    /** Negotiated prices (JSON, USD per million tokens) merged over the list prices of config/models.ts. */
    MODEL_PRICES: jsonSetting(modelPricesSchema),
    /**
     * Let agents' HTTP tools, MCP servers and model connections reach private networks (10/8, 192.168/16,
     * loopback…). Off: only public addresses. Self-hosters reaching their own services (and tests) set 1.
     */
    ALLOW_PRIVATE_NETWORKS: z
      .string()
      .optional()
      .transform((v) => v === "1"),
    /** An OpenAI-compatible Chat Completions endpoint offered to every workspace (Ollama, vLLM, OpenAI…). */
    OPENAI_BASE_URL: optional.pipe(z.url().optional()),
    OPENAI_API_KEY: optional,
    /**
     * The models of OPENAI_BASE_URL and their prices, JSON: {"gpt-4.1-mini":{"input":0.4,"output":1.6}}
     * (USD per million tokens; 0 for your own hardware).
     */
    OPENAI_MODELS: jsonSetting(serverModelsSchema),
    /** Encrypts workspace secrets (32 bytes, base64). `npm start` generates one into DATA_DIR when unset. */
    SECRETS_KEY: optional,
    /** How long each turn of the offline demo provider takes, so that runs visibly stream. */
    OFFLINE_TURN_MS: z.coerce.number().int().min(0).max(60_000).default(700),
    /** Run workers inside the app process (0: none; then run `npm run worker`). */
    RUN_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
    /** Seconds before the queue retries a run whose worker vanished; default: the agent's max runtime + 30 s. */
    RUN_LEASE_SECONDS: z.coerce.number().int().min(5).optional(),
    /** Longest life of one run event stream (SSE); then the server ends it and the client resumes from Last-Event-ID. */
    RUN_STREAM_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    /** SMTP server for emails (invitations, verification, password resets), e.g. smtps://user:pass@host:465. */
    SMTP_URL: optional,
    MAIL_FROM: z.string().default("AgentHQ <no-reply@agenthq.local>"),
    /** Stripe secret key. Unset: billing is off and tiers are set with `npm run admin -- set-tier`. */
    STRIPE_SECRET_KEY: optional,
    /** Signing secret of the webhook endpoint (whsec_…); required with STRIPE_SECRET_KEY. */
    STRIPE_WEBHOOK_SECRET: optional,
    /** Price ids (price_…) of the paid tiers; required with STRIPE_SECRET_KEY. */
    STRIPE_PRICE_STARTER: optional,
    STRIPE_PRICE_PRO: optional,
    /** Metered price of model-spend overage; unset: no overage is billed and every tier stops at its included spend. */
    STRIPE_PRICE_MODEL_OVERAGE: optional,
    /** The Billing Meter's event name that overage is reported under. */
    STRIPE_METER_EVENT_NAME: z
      .string()
      .regex(/^[a-z0-9_]{1,100}$/)
      .default("agenthq_model_overage"),
    /** Stripe API base URL: Stripe's own by default (a local stand-in in tests). */
    STRIPE_API_BASE: optional,
    /** Days a workspace keeps its paid tier after a failed payment (past_due) before it drops to Free. */
    BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** Set by `npm start` when it runs the embedded database, so the UI can say so. */
    AGENTHQ_EMBEDDED_DB: z
      .string()
      .optional()
      .transform((v) => v === "1"),
    /** Sentry DSN of the server. Unset: Sentry is off (the SDK is not even loaded). */
    SENTRY_DSN: optional,
    /** Sentry DSN of the browser, inlined into the client bundle by `next build`; read here for the CSP. */
    NEXT_PUBLIC_SENTRY_DSN: optional,
    /** The release Sentry events carry (e.g. the git sha); default agenthq@<package.json version>. */
    SENTRY_RELEASE: optional,
    /** The environment Sentry events carry; default NODE_ENV. */
    SENTRY_ENVIRONMENT: optional,
    /** Bearer token GET /api/metrics requires. Unset: the endpoint is open, so firewall it. */
    METRICS_TOKEN: optional,
  })
  .superRefine((e, ctx) => {
    // A model without a price would run unmetered: refuse to start instead.
    if (!priceTable(e.MODEL_PRICES)[e.ANTHROPIC_MODEL]) {
      ctx.addIssue({
        code: "custom",
        path: ["ANTHROPIC_MODEL"],
        message: `has no price: add it to MODEL_PRICES (known: ${Object.keys(priceTable(e.MODEL_PRICES)).join(", ")})`,
      });
    }
    if (Object.keys(e.OPENAI_MODELS).length > 0 && !e.OPENAI_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["OPENAI_BASE_URL"], message: "required when OPENAI_MODELS is set" });
    }
    if (e.OPENAI_BASE_URL && Object.keys(e.OPENAI_MODELS).length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_MODELS"],
        message: 'name the models of OPENAI_BASE_URL and their prices, e.g. {"gpt-4.1-mini":{"input":0.4,"output":1.6}}',
      });
    }
    if (e.SECRETS_KEY && Buffer.from(e.SECRETS_KEY, "base64").length !== 32) {
      ctx.addIssue({ code: "custom", path: ["SECRETS_KEY"], message: "must be 32 bytes, base64 (openssl rand -base64 32)" });
    }
    if (!e.STRIPE_SECRET_KEY) return;
    for (const name of ["STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_STARTER", "STRIPE_PRICE_PRO"] as const) {
      if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: "required when STRIPE_SECRET_KEY is set" });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** A misconfiguration: its message lists what to fix, and it prints without a stack trace. */
export class InvalidEnvironmentError extends Error {
  constructor(problems: string) {
    super(`Invalid environment:\n${problems}`);
    this.name = "InvalidEnvironmentError";
    // Node prints `stack` for an uncaught error: the problems, not where in our code they were noticed.
    this.stack = this.message;
  }
}

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new InvalidEnvironmentError(problems);
  }
  return parsed.data;
}

export const env = parseEnv(process.env);

/** The public base URL, for links in emails. */
export const appUrl = (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
