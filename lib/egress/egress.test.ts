import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPublicUrl, createEgressFetch, EgressError, egressFetch, readBodyLimited, ResponseTooLarge } from "./egress-fetch";
import { isBlockedAddress } from "./private-address";

describe("isBlockedAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.0.1", "link-local"],
    ["100.64.0.1", "CGNAT"],
    ["100.127.255.255", "CGNAT"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local"],
    ["fe80::1", "IPv6 link-local"],
    ["fe80::1%eth0", "IPv6 link-local with zone"],
    ["ff02::1", "IPv6 multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata"],
    ["::ffff:a9fe:a9fe", "IPv4-mapped metadata, hex"],
    ["0:0:0:0:0:ffff:10.0.0.1", "IPv4-mapped private, long form"],
    ["::127.0.0.1", "IPv4-compatible loopback"],
    ["::ffff:0:127.0.0.1", "IPv4-translated loopback"],
    ["64:ff9b::7f00:1", "NAT64 of loopback"],
    ["64:ff9b::10.0.0.1", "NAT64 of private"],
    ["64:ff9b:1::1", "local-use NAT64"],
    ["2002:7f00:1::1", "6to4 of loopback"],
    ["2002:c0a8:101::1", "6to4 of 192.168.1.1"],
    ["2001:db8::1", "IPv6 documentation"],
    ["2001::1", "Teredo"],
    ["localhost", "a name"],
    ["[::1]", "bracketed"],
    ["", "empty"],
    ["1.2.3.4%x", "zone on IPv4"],
    ["256.1.1.1", "not an address"],
  ])("blocks %s (%s)", (ip) => expect(isBlockedAddress(ip)).toBe(true));

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "11.0.0.1",
    "172.32.0.1",
    "100.128.0.1",
    "169.255.0.1",
    "192.169.0.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2a00:1450:4001::1",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows %s", (ip) => expect(isBlockedAddress(ip)).toBe(false));
});

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** A server on `host`, port 0, answering with `handler` (after reading the whole request body). */
async function serve(host: string, handler: Handler): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => handler(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("egressFetch", () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve("127.0.0.1", (_req, res) => res.end("hello"));
  });
  afterAll(() => server.close());

  it.each([
    ["127.0.0.1", (port: number) => `http://127.0.0.1:${port}/`],
    ["[::1]", (port: number) => `http://[::1]:${port}/`],
    ["a decimal IPv4 literal", (port: number) => `http://2130706433:${port}/`],
    ["an IPv4-mapped literal", (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
  ])("refuses %s up front", async (_name, url) => {
    await expect(egressFetch(url(server.port), undefined, { allowPrivate: false })).rejects.toThrow(
      /is a private network address, which AgentHQ does not call/,
    );
  });

  it("refuses a name that resolves to loopback where it connects", async () => {
    const refusal = egressFetch(`http://localhost:${server.port}/`, undefined, { allowPrivate: false });
    await expect(refusal).rejects.toBeInstanceOf(EgressError);
    await expect(refusal).rejects.toThrow(
      /^The address localhost resolves to a private network address \((127\.0\.0\.1|::1)\), which AgentHQ does not call\.$/,
    );
  });

  it("reaches the same addresses with allowPrivate", async () => {
    for (const url of [`http://127.0.0.1:${server.port}/`, `http://localhost:${server.port}/`]) {
      const response = await egressFetch(url, undefined, { allowPrivate: true });
      expect(await response.text()).toBe("hello");
    }
  });

  it.each([
    ["file:///etc/passwd", /only http and https/],
    ["ftp://example.com/", /only http and https/],
    ["http://user:pass@example.com/", /user name or password/],
    ["not a url", /is not a valid URL/],
  ])("refuses %s even with allowPrivate", async (url, message) => {
    await expect(egressFetch(url, undefined, { allowPrivate: true })).rejects.toThrow(message);
  });

  it("takes a Request", async () => {
    const response = await egressFetch(new Request(`http://127.0.0.1:${server.port}/`), undefined, { allowPrivate: true });
    expect(await response.text()).toBe("hello");
  });
});

describe("redirects", () => {
  // 127.0.0.1 stands for a public address and 127.0.0.2 for a private one: Linux routes all of 127/8 to loopback.
  const onlyFirst = createEgressFetch({ isAllowed: (ip) => ip === "127.0.0.1" });
  const onlySecond = createEgressFetch({ isAllowed: (ip) => ip === "127.0.0.2" });
  const anything = createEgressFetch({ isAllowed: () => true });
  let first: Awaited<ReturnType<typeof serve>>;
  let second: Awaited<ReturnType<typeof serve>>;
  const seen: { method?: string; body: string; authorization?: string; contentType?: string }[] = [];

  beforeAll(async () => {
    second = await serve("127.0.0.2", (req, res, body) => {
      seen.push({ method: req.method, body, authorization: req.headers.authorization, contentType: req.headers["content-type"] });
      if (req.url === "/to-localhost") res.writeHead(302, { location: `http://localhost:${first.port}/echo` }).end();
      else res.end("second");
    });
    first = await serve("127.0.0.1", (req, res, body) => {
      const url = new URL(req.url ?? "/", "http://x");
      const status = Number(url.searchParams.get("status") ?? 302);
      if (url.pathname === "/to-second") res.writeHead(status, { location: `${second.url}/` }).end("moving");
      else if (url.pathname === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else if (url.pathname === "/to-file") res.writeHead(302, { location: "file:///etc/passwd" }).end();
      else {
        seen.push({ method: req.method, body, authorization: req.headers.authorization, contentType: req.headers["content-type"] });
        res.end("first");
      }
    });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it("checks each hop: an allowed server redirecting to a refused address is refused", async () => {
    expect(await (await onlyFirst(`${first.url}/echo`)).text()).toBe("first");
    await expect(onlyFirst(`${first.url}/to-second`)).rejects.toThrow(/127\.0\.0\.2.* is a private network address/);
  });

  it("checks a hop's name where it connects", async () => {
    await expect(onlySecond(`${second.url}/to-localhost`)).rejects.toThrow(/^The address localhost resolves to a private network address/);
  });

  it("refuses a redirect to another scheme", async () => {
    await expect(anything(`${first.url}/to-file`)).rejects.toThrow(/only http and https/);
  });

  it("gives up after maxRedirects", async () => {
    await expect(anything(`${first.url}/loop`)).rejects.toThrow(/redirected more than 5 times/);
    await expect(anything(`${first.url}/loop`, undefined, { maxRedirects: 0 })).rejects.toThrow(/redirected more than 0 times/);
  });

  it("returns the redirect itself when asked to (redirect: manual)", async () => {
    const response = await onlyFirst(`${first.url}/to-second`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${second.url}/`);
  });

  it.each([
    [303, "POST", "GET", ""],
    [302, "POST", "GET", ""],
    [301, "POST", "GET", ""],
    [307, "POST", "POST", "{}"],
    [308, "PUT", "PUT", "{}"],
    [303, "GET", "GET", ""],
  ])("follows %i after %s as %s, like fetch", async (status, method, nextMethod, nextBody) => {
    seen.length = 0;
    const withBody = method !== "GET";
    const init = {
      method,
      headers: { authorization: "Bearer t", ...(withBody ? { "content-type": "application/json" } : {}) },
      ...(withBody ? { body: "{}" } : {}),
    };
    const response = await anything(`${first.url}/to-second?status=${status}`, init);
    expect(await response.text()).toBe("second");
    expect(seen).toEqual([
      { method: nextMethod, body: nextBody, authorization: undefined, contentType: nextBody ? "application/json" : undefined },
    ]);
  });

  it("cannot send a streamed body again after a 307", async () => {
    const body = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("{}")), c.close()) });
    await expect(anything(`${first.url}/to-second?status=307`, { method: "POST", body, duplex: "half" } as RequestInit)).rejects.toThrow(
      TypeError,
    );
  });

  it("keeps credentials on a same-origin redirect", async () => {
    seen.length = 0;
    const local = await serve("127.0.0.1", (req, res) => {
      if (req.url === "/start") res.writeHead(307, { location: "/end" }).end();
      else res.end(req.headers.authorization);
    });
    expect(await (await anything(`${local.url}/start`, { headers: { authorization: "Bearer t" } })).text()).toBe("Bearer t");
    await local.close();
  });
});

describe("streaming", () => {
  it("hands over the body as it arrives", async () => {
    let finish = () => {};
    const server = await serve("127.0.0.1", (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      finish = () => res.end("data: two\n\n");
    });
    const response = await egressFetch(`${server.url}/`, undefined, { allowPrivate: true });
    const reader = response.body!.getReader();
    const firstChunk = await reader.read();
    expect(new TextDecoder().decode(firstChunk.value)).toBe("data: one\n\n");
    finish();
    const rest = await reader.read();
    expect(new TextDecoder().decode(rest.value)).toBe("data: two\n\n");
    await server.close();
  });
});

describe("readBodyLimited", () => {
  const streamOf = (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });

  it("reads UTF-8 text up to the limit, characters split across chunks included", async () => {
    const bytes = new TextEncoder().encode("héllo");
    const response = new Response(streamOf([bytes.slice(0, 2), bytes.slice(2)]));
    expect(await readBodyLimited(response, bytes.length)).toBe("héllo");
  });

  it("refuses more and cancels the stream", async () => {
    let canceled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(600)),
      cancel: () => void (canceled = true),
    });
    await expect(readBodyLimited(new Response(endless), 1_000)).rejects.toBeInstanceOf(ResponseTooLarge);
    expect(canceled).toBe(true);
  });

  it("refuses a declared content-length above the limit without reading", async () => {
    const response = new Response("x".repeat(2_000), { headers: { "content-length": "2000" } });
    await expect(readBodyLimited(response, 1_000)).rejects.toBeInstanceOf(ResponseTooLarge);
  });

  it("reads an empty body", async () => {
    expect(await readBodyLimited(new Response(null, { status: 204 }), 10)).toBe("");
  });
});

describe("assertPublicUrl", () => {
  it.each(["http://127.0.0.1/", "http://localhost:3000/", "https://[::ffff:169.254.169.254]/latest", "http://10.0.0.1/"])(
    "refuses %s",
    async (url) => {
      await expect(assertPublicUrl(url, { allowPrivate: false })).rejects.toThrow(/private network address/);
    },
  );

  it("refuses other schemes, userinfo and names that do not resolve", async () => {
    await expect(assertPublicUrl("gopher://example.com/")).rejects.toThrow(/only http and https/);
    await expect(assertPublicUrl("https://a:b@example.com/")).rejects.toThrow(/user name or password/);
    await expect(assertPublicUrl("https://no-such-host.invalid/", { allowPrivate: false })).rejects.toThrow(
      /could not be resolved \(ENOTFOUND\)/,
    );
  });

  it("keeps the cloud metadata service blocked even with allowPrivate", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/"]) {
      await expect(assertPublicUrl(url, { allowPrivate: true })).rejects.toThrow(/private network address/);
      await expect(egressFetch(url, undefined, { allowPrivate: true })).rejects.toThrow(/private network address/);
    }
  });

  it("accepts public literals, and private ones with allowPrivate", async () => {
    await expect(assertPublicUrl("https://8.8.8.8/", { allowPrivate: false })).resolves.toBeUndefined();
    await expect(assertPublicUrl("http://localhost:3000/", { allowPrivate: true })).resolves.toBeUndefined();
  });
});
