// The dashboard's calls to its own JSON API, with problem+json answers turned into values.
import { readProblem, type Problem } from "./field-errors";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export async function apiRequest<T = unknown>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) return { ok: false, problem: await readProblem(response) };
    const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
    return { ok: true, data };
  } catch {
    return { ok: false, problem: { status: 0, detail: "Could not reach AgentHQ. Check your connection and try again." } };
  }
}
