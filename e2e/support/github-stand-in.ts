// A local stand-in for the part of GitHub that an OAuth log-in touches (authorize, token, /user,
// /user/emails), so the real next-auth provider code runs against it. The next log-in's identity is set
// by the test: who the person is at "GitHub" and whether GitHub verified their email.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface GitHubIdentity {
  id: number;
  login: string;
  name: string;
  email: string;
  verified: boolean;
}

export async function startGitHubStandIn() {
  const next: { identity?: GitHubIdentity } = {};
  const tokens = new Map<string, GitHubIdentity>();
  const codes = new Map<string, GitHubIdentity>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/login/oauth/authorize") {
      // The person "approves" at once; the identity is the one the test set up.
      if (!next.identity) return send(400, { error: "no identity set" });
      const code = randomBytes(8).toString("hex");
      codes.set(code, next.identity);
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const identity = codes.get(new URLSearchParams(body).get("code") ?? "");
      if (!identity) return send(400, { error: "bad_verification_code" });
      const token = `gho_${randomBytes(8).toString("hex")}`;
      tokens.set(token, identity);
      return send(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
    }
    const identity = tokens.get((req.headers.authorization ?? "").replace(/^(token|bearer) /i, ""));
    if (!identity) return send(401, { message: "Bad credentials" });
    if (url.pathname === "/user")
      return send(200, { id: identity.id, login: identity.login, name: identity.name, email: null, avatar_url: null });
    if (url.pathname === "/user/emails") return send(200, [{ email: identity.email, primary: true, verified: identity.verified }]);
    return send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    next,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
