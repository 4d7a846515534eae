// Field errors for forms, from a zod result on the client or a problem+json answer from the server,
// so both show the same messages in the same places.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

export interface Problem {
  status: number;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Omit<Problem, "status">;
    return { status: response.status, ...body };
  } catch {
    return { status: response.status, detail: "Something went wrong. Try again." };
  }
}

export function fieldErrorsFromProblem(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem.errors ?? []) errors[e.path] ??= e.message;
  return errors;
}

/**
 * A post-login destination: a path of this app, or `fallback`. The candidate is resolved as a browser
 * resolves it (dropping tabs and newlines, reading a backslash as a slash), so `/\t/evil.example` is seen
 * as the other host it is. The resolved path is kept only if it stays on `origin` and resolves to itself
 * again: `/./\t/x` resolves here to the path `//x`, which as a link would leave.
 */
export function safeCallbackPath(value: string | null | undefined, fallback: string, origin: string): string {
  if (!value?.startsWith("/")) return fallback;
  const home = new URL(origin).origin;
  const path = pathOn(home, value);
  return path !== null && pathOn(home, path) === path ? path : fallback;
}

/** Where `candidate` leads from a page of `home`, as a path, or null when it leads elsewhere. */
function pathOn(home: string, candidate: string): string | null {
  if (!URL.canParse(candidate, home)) return null;
  const url = new URL(candidate, home);
  return url.origin === home ? `${url.pathname}${url.search}${url.hash}` : null;
}
