// A local stand-in for the part of Stripe's API that AgentHQ calls (customers, Checkout sessions, Customer
// Portal sessions, subscriptions, Billing Meter events), so the real `stripe` SDK and the real billing code
// are tested without reaching Stripe. Tests drive it like a customer would: complete a checkout, change or
// cancel the subscription. `/_control/*` exposes the same to the browser suite, which runs it as its own
// process (and lists the meter events it received: GET /_control/meter-events).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const MONTH_SECONDS = 30 * 86_400;
/** Stripe takes a meter event's timestamp from up to 35 days back to 5 minutes ahead. */
const METER_EVENT_MAX_AGE_SECONDS = 35 * 86_400;
const METER_EVENT_MAX_AHEAD_SECONDS = 5 * 60;

export interface StandInSubscription {
  id: string;
  object: "subscription";
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  billing_cycle_anchor: number;
  metadata: Record<string, string>;
  items: {
    object: "list";
    data: {
      id: string;
      object: "subscription_item";
      price: { id: string; object: "price" };
      current_period_start: number;
      current_period_end: number;
    }[];
  };
}

export interface StandInCheckoutSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete";
  customer: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  subscription: string | null;
  url: string;
  /** The first line item's price (the tier's). */
  priceId: string | null;
  /** Every line item's price, in order (the tier's, then e.g. a metered overage price). */
  priceIds: string[];
  success_url: string;
}

/** A meter event Stripe accepted (one per identifier). */
export interface StandInMeterEvent {
  object: "billing.meter_event";
  created: number;
  event_name: string;
  identifier: string;
  livemode: false;
  payload: Record<string, string>;
  timestamp: number;
}

export interface SubscriptionChange {
  status?: string;
  priceId?: string;
  cancelAtPeriodEnd?: boolean;
}

export async function startStripeStandIn(port = 0) {
  const customers = new Map<string, { id: string; object: "customer"; name: string | null; metadata: Record<string, string> }>();
  const customersByIdempotencyKey = new Map<string, string>();
  const sessions = new Map<string, StandInCheckoutSession>();
  const subscriptions = new Map<string, StandInSubscription>();
  /** Accepted meter events by identifier: Stripe keeps one event per identifier. */
  const meterEvents = new Map<string, StandInMeterEvent>();
  const requests: { method: string; path: string; form: URLSearchParams }[] = [];
  /** Answer the next N API calls with this status (a Stripe outage). */
  const outage = { remaining: 0, status: 500 };
  /** Delay every API answer by this much (a slow Stripe). */
  const latency = { ms: 0 };
  let base = "";

  const metadataOf = (form: URLSearchParams, prefix = "metadata") => {
    const metadata: Record<string, string> = {};
    for (const [key, value] of form) {
      const match = key.match(new RegExp(`^${prefix.replace(/[[\]]/g, "\\$&")}\\[(\\w+)\\]$`));
      if (match?.[1]) metadata[match[1]] = value;
    }
    return metadata;
  };

  function completeCheckout(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no checkout session ${sessionId}`);
    if (!session.customer || session.priceIds.length === 0) throw new Error("session lacks a customer or price");
    const subscription = createSubscription(session.customer, session.priceIds, session.metadata);
    session.status = "complete";
    session.subscription = subscription.id;
    return { session: structuredClone(session), subscription };
  }

  /** Creates an active subscription for a customer directly (as Stripe's dashboard could): one item per price. */
  function createSubscription(customer: string, priceIds: string | string[], metadata: Record<string, string> = {}): StandInSubscription {
    const start = nowSeconds();
    const item = (priceId: string) => ({
      id: newId("si"),
      object: "subscription_item" as const,
      price: { id: priceId, object: "price" as const },
      current_period_start: start,
      current_period_end: start + MONTH_SECONDS,
    });
    const subscription: StandInSubscription = {
      id: newId("sub"),
      object: "subscription",
      customer,
      status: "active",
      cancel_at_period_end: false,
      cancel_at: null,
      billing_cycle_anchor: start,
      metadata: { ...metadata },
      items: { object: "list", data: (Array.isArray(priceIds) ? priceIds : [priceIds]).map(item) },
    };
    subscriptions.set(subscription.id, subscription);
    return structuredClone(subscription);
  }

  function changeSubscription(id: string, change: SubscriptionChange): StandInSubscription {
    const subscription = subscriptions.get(id);
    if (!subscription) throw new Error(`no subscription ${id}`);
    if (change.status) subscription.status = change.status;
    if (change.priceId) subscription.items.data[0]!.price.id = change.priceId;
    if (change.cancelAtPeriodEnd !== undefined) subscription.cancel_at_period_end = change.cancelAtPeriodEnd;
    return structuredClone(subscription);
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...headers });
    res.end(JSON.stringify(body));
  };
  const invalid = (res: ServerResponse, message: string, headers: Record<string, string> = {}) =>
    send(res, 400, { error: { type: "invalid_request_error", message } }, headers);
  const missing = (res: ServerResponse, what: string) =>
    send(res, 404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}` } });
  const page = (res: ServerResponse, title: string, text: string) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>${title}</title><h1>${title}</h1><p>${text}</p>`);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", base);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const path = url.pathname;

    // Pages the browser is sent to, and the control API of the browser suite.
    if (req.method === "GET" && path.startsWith("/checkout/")) return page(res, "Stand-in Checkout", `Session ${path.slice(10)}`);
    if (req.method === "GET" && path.startsWith("/portal/")) return page(res, "Stand-in Customer Portal", `Session ${path.slice(8)}`);
    if (req.method === "GET" && path === "/_health") return send(res, 200, { ok: true });
    const control = path.match(/^\/_control\/checkout\/([\w]+)\/complete$/);
    if (req.method === "POST" && control?.[1]) return send(res, 200, completeCheckout(control[1]));
    if (req.method === "GET" && path === "/_control/meter-events") return send(res, 200, { data: [...meterEvents.values()] });

    if (!path.startsWith("/v1/")) return send(res, 404, { error: { type: "invalid_request_error", message: "Unrecognized request URL" } });
    requests.push({ method: req.method ?? "GET", path, form });
    if (!req.headers.authorization?.startsWith("Bearer sk_")) {
      return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    }
    if (latency.ms > 0) await new Promise((resolve) => setTimeout(resolve, latency.ms));
    if (outage.remaining > 0) {
      outage.remaining--;
      return send(res, outage.status, { error: { type: "api_error", message: "stand-in outage" } });
    }

    if (req.method === "POST" && path === "/v1/customers") {
      const key = req.headers["idempotency-key"];
      const known = typeof key === "string" ? customersByIdempotencyKey.get(key) : undefined;
      if (known) return send(res, 200, customers.get(known));
      const customer = { id: newId("cus"), object: "customer" as const, name: form.get("name"), metadata: metadataOf(form) };
      customers.set(customer.id, customer);
      if (typeof key === "string") customersByIdempotencyKey.set(key, customer.id);
      return send(res, 200, customer);
    }
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const customer = form.get("customer");
      if (customer && !customers.has(customer)) return missing(res, `customer: '${customer}'`);
      const id = newId("cs_test");
      const session: StandInCheckoutSession = {
        id,
        object: "checkout.session",
        mode: form.get("mode") ?? "payment",
        status: "open",
        customer,
        client_reference_id: form.get("client_reference_id"),
        metadata: metadataOf(form),
        subscription: null,
        url: `${base}/checkout/${id}`,
        priceId: form.get("line_items[0][price]"),
        priceIds: [...form].filter(([key]) => /^line_items\[\d+\]\[price\]$/.test(key)).map(([, value]) => value),
        success_url: form.get("success_url") ?? "",
      };
      sessions.set(id, session);
      return send(res, 200, session);
    }
    if (req.method === "POST" && path === "/v1/billing_portal/sessions") {
      const customer = form.get("customer") ?? "";
      if (!customers.has(customer)) return missing(res, `customer: '${customer}'`);
      const id = newId("bps");
      return send(res, 200, {
        id,
        object: "billing_portal.session",
        customer,
        return_url: form.get("return_url"),
        url: `${base}/portal/${id}`,
      });
    }
    if (req.method === "POST" && path === "/v1/billing/meter_events") {
      const eventName = form.get("event_name");
      if (!eventName) return invalid(res, "Missing required param: event_name.");
      const payload = metadataOf(form, "payload");
      if (!payload.stripe_customer_id) return invalid(res, "Missing required param: payload[stripe_customer_id].");
      if (!/^-?\d+$/.test(payload.value ?? "")) return invalid(res, "payload[value] must be an integer.");
      const timestamp = form.has("timestamp") ? Number(form.get("timestamp")) : nowSeconds();
      if (
        !Number.isInteger(timestamp) ||
        timestamp < nowSeconds() - METER_EVENT_MAX_AGE_SECONDS ||
        timestamp > nowSeconds() + METER_EVENT_MAX_AHEAD_SECONDS
      ) {
        return invalid(res, "Timestamp must be within the past 35 calendar days and no more than 5 minutes in the future.");
      }
      const identifier = form.get("identifier") || newId("mev");
      // As Stripe answers a repeated identifier (observed in production; its docs only promise uniqueness
      // within at least 24 hours): a 400 it marks as not worth retrying, and no second event.
      if (meterEvents.has(identifier)) {
        return invalid(res, `An event already exists with identifier ${identifier}.`, { "stripe-should-retry": "false" });
      }
      const event: StandInMeterEvent = {
        object: "billing.meter_event",
        created: nowSeconds(),
        event_name: eventName,
        identifier,
        livemode: false,
        payload,
        timestamp,
      };
      meterEvents.set(identifier, event);
      return send(res, 200, event);
    }
    if (req.method === "GET" && path === "/v1/subscriptions") {
      const customer = url.searchParams.get("customer");
      const data = [...subscriptions.values()].filter((s) => s.customer === customer);
      return send(res, 200, { object: "list", url: "/v1/subscriptions", has_more: false, data });
    }
    const subscriptionPath = path.match(/^\/v1\/subscriptions\/(\w+)$/);
    if (req.method === "GET" && subscriptionPath?.[1]) {
      const subscription = subscriptions.get(subscriptionPath[1]);
      return subscription ? send(res, 200, subscription) : missing(res, `subscription: '${subscriptionPath[1]}'`);
    }
    return send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${path})` } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { error: { type: "api_error", message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    customers,
    sessions,
    subscriptions,
    meterEvents,
    requests,
    outage,
    latency,
    completeCheckout,
    createSubscription,
    changeSubscription,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
