// The one fetch for outbound requests a customer can point AgentHQ at (HTTP tools, MCP servers, model
// connections, webhooks): http(s) only, no credentials in URLs, never a private address. The address is
// checked where the socket connects (undici's connect lookup), so a name that resolved to a public address
// when saved and resolves to 127.0.0.1 now (DNS rebinding) is still refused; IP literals skip the lookup
// and are checked up front. Redirects are followed here, each hop checked the same way.
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from "undici";
import { env } from "@/config/env";
import { isBlockedAddress, isMetadataAddress } from "./private-address";

/** A request AgentHQ refuses to make; the message is fit to show the customer. */
export class EgressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EgressError";
  }
}

/** The body was longer than the caller is willing to read. */
export class ResponseTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The response was larger than ${maxBytes} bytes.`);
    this.name = "ResponseTooLarge";
  }
}

export interface EgressOptions {
  /** Allow private and reserved addresses (self-hosters reaching their own services). Default: ALLOW_PRIVATE_NETWORKS. */
  allowPrivate?: boolean;
  /** Refuse a redirect to another origin (HTTP tools: their headers carry the customer's secrets). */
  sameOriginRedirects?: boolean;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
}

type Fetch = (
  input: string | URL | Request,
  init?: RequestInit,
  options?: Pick<EgressOptions, "maxRedirects" | "sameOriginRedirects">,
) => Promise<Response>;
type Init = RequestInit & { duplex?: "half" };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type", "content-length"];
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];

const refused = (host: string, ip: string) =>
  new EgressError(`The address ${host} resolves to a private network address (${ip}), which AgentHQ does not call.`);
const refusedLiteral = (url: URL) => new EgressError(`The address ${url.host} is a private network address, which AgentHQ does not call.`);

/** The URL, if it is one AgentHQ may call at all (scheme and userinfo; the address is checked separately). */
export function parseOutboundUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new EgressError(`"${String(input).slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new EgressError(`AgentHQ calls only http and https addresses, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new EgressError(`The address ${url.host} has a user name or password in it; send credentials in a header instead.`);
  }
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** Resolves like dns.lookup, but fails when any address of the name is not allowed. */
function guardedLookup(isAllowed: (ip: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const blocked = addresses.find((a) => !isAllowed(a.address));
      if (blocked) return callback(refused(hostname, blocked.address), "");
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!; // dns.lookup answers ENOTFOUND rather than no addresses
      callback(null, first.address, first.family);
    });
  };
}

/** The request of the next hop, the way fetch rewrites it: 303 (and 301/302 after POST) become a GET without body. */
function redirected(init: Init, status: number, from: URL, to: URL): Init {
  const headers = new Headers(init.headers);
  let { method = "GET", body } = init;
  if (status !== 303 && body instanceof ReadableStream) {
    throw new TypeError("fetch failed", { cause: new Error("a streamed request body cannot be sent again after a redirect") });
  }
  if (
    ((status === 301 || status === 302) && method.toUpperCase() === "POST") ||
    (status === 303 && !["GET", "HEAD"].includes(method.toUpperCase()))
  ) {
    method = "GET";
    body = null;
    for (const name of BODY_HEADERS) headers.delete(name);
  }
  if (from.origin !== to.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  return { ...init, method, body, headers };
}

/** The input as a URL and an init, a Request's own fields under any given init. */
function toUrlAndInit(input: string | URL | Request, init: RequestInit | undefined): [string | URL, Init] {
  if (typeof input === "string" || input instanceof URL) return [input, init ?? {}];
  const { method, headers, body, signal, redirect } = input;
  return [input.url, { method, headers, body, signal, redirect, duplex: "half", ...init }];
}

/**
 * A fetch that refuses addresses `isAllowed` rejects (default: private and reserved ones). egressFetch uses
 * two of these; tests make their own to tell apart addresses on one machine.
 */
export function createEgressFetch(policy: { isAllowed?: (ip: string) => boolean } = {}): Fetch {
  const isAllowed = policy.isAllowed ?? ((ip: string) => !isBlockedAddress(ip));
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(isAllowed) } });

  const checked = (input: string | URL) => {
    const url = parseOutboundUrl(input);
    const host = hostOf(url);
    if (isIP(host) && !isAllowed(host)) throw refusedLiteral(url);
    return url;
  };

  async function send(url: URL, init: Init): Promise<Response> {
    const headers = [...new Headers(init.headers)];
    try {
      const response = await undiciFetch(url, { ...init, headers, redirect: "manual", dispatcher } as UndiciRequestInit);
      // undici's Response is the WHATWG Response the global type describes; only their declarations differ.
      return response as unknown as Response;
    } catch (error) {
      if (error instanceof TypeError && error.cause instanceof EgressError) throw error.cause;
      throw error;
    }
  }

  return async (input, requestInit, options = {}) => {
    const maxRedirects = options.maxRedirects ?? 5;
    let [target, init] = toUrlAndInit(input, requestInit);
    for (let redirects = 0; ; redirects++) {
      const url = checked(target);
      const response = await send(url, init);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null || init.redirect === "manual") return response;
      await response.body?.cancel();
      if (init.redirect === "error") throw new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
      if (redirects >= maxRedirects) {
        throw new EgressError(`The address ${url.host} redirected more than ${maxRedirects} times, which AgentHQ does not follow.`);
      }
      target = new URL(location, url);
      if (options.sameOriginRedirects && target.origin !== url.origin) {
        throw new EgressError(
          `The address ${url.host} redirected to another site (${target.host}), which AgentHQ does not follow for tools.`,
        );
      }
      init = redirected(init, response.status, url, target);
    }
  };
}

const guarded = createEgressFetch();
// ALLOW_PRIVATE_NETWORKS opens private networks, never the metadata service (the host's credentials).
const privateAllowed = createEgressFetch({ isAllowed: (ip) => !isMetadataAddress(ip) });

/**
 * fetch, for addresses customers chose: hand it to SDKs as their `fetch`. Throws EgressError for a refused
 * address, scheme or redirect; timeouts are the caller's, through `init.signal`.
 */
export function egressFetch(input: string | URL | Request, init?: RequestInit, options: EgressOptions = {}): Promise<Response> {
  const fetch = (options.allowPrivate ?? env.ALLOW_PRIVATE_NETWORKS) ? privateAllowed : guarded;
  return fetch(input, init, options);
}

/** The save-time check, so a customer gets a clear error when saving a URL; the connect-time check is the guard. */
export async function assertPublicUrl(
  input: string,
  options: Pick<EgressOptions, "allowPrivate"> & { timeoutMs?: number } = {},
): Promise<void> {
  const url = parseOutboundUrl(input);
  const host = hostOf(url);
  if (options.allowPrivate ?? env.ALLOW_PRIVATE_NETWORKS) {
    if (isIP(host) && isMetadataAddress(host)) throw refusedLiteral(url);
    return;
  }
  if (isIP(host)) {
    if (isBlockedAddress(host)) throw refusedLiteral(url);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), options.timeoutMs ?? 5_000);
  });
  const addresses = await Promise.race([dns.promises.lookup(host, { all: true }), deadline])
    .catch((error: NodeJS.ErrnoException) => {
      throw new EgressError(`The address ${host} could not be resolved (${error.code ?? "no answer"}).`);
    })
    .finally(() => clearTimeout(timer));
  const blocked = addresses.find((a) => isBlockedAddress(a.address));
  if (blocked) throw refused(host, blocked.address);
}

/** The body as UTF-8 text, refusing (and cancelling) one longer than maxBytes. */
export async function readBodyLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new ResponseTooLarge(maxBytes);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let [text, bytes] = ["", 0];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The code of a network failure (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…), wherever in the cause chain it is. */
export function networkErrorCode(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * egressFetch whose answers may not exceed `maxBytes`: the body errors past it, so a hostile endpoint
 * cannot fill a worker's memory through an SDK that reads whole responses (openai, MCP).
 */
export function cappedEgressFetch(maxBytes: number): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await egressFetch(input, init);
    if (!response.body) return response;
    let seen = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new ResponseTooLarge(maxBytes));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as typeof fetch;
}
