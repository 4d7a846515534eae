/// <reference lib="es2024.string" />
// Text a request may not carry: a NUL character (PostgreSQL cannot store one in text or jsonb, so it
// failed as a 500 deep in a query) or a lone surrogate (not Unicode at all). The proxy applies the rule to
// every request's path and query, `route()` to the decoded params and query, and `readJson` to every key
// and string of a body, so such text is a 400 before anything reads the database.
import { AppError, type FieldError } from "@/lib/errors/app-error";

/** Why `text` may not be used, or null when it may. */
export function hostileTextProblem(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (!text.isWellFormed()) return "contains a lone surrogate (not Unicode text)";
  return null;
}

function invalid(detail: string, fieldErrors?: FieldError[]): AppError {
  return new AppError("invalid_request", detail, fieldErrors && { fieldErrors });
}

/** A URL's path or query, still percent-encoded: refused when it does not decode, or decodes to hostile text. */
function assertDecodable(encoded: string, part: "path" | "query"): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(part === "query" ? encoded.replaceAll("+", " ") : encoded);
  } catch {
    throw invalid(`The ${part} of the URL is not valid percent-encoded UTF-8.`);
  }
  const problem = hostileTextProblem(decoded);
  if (problem) throw invalid(`The ${part} of the URL ${problem}.`);
}

/** A request's URL: its path and query must percent-decode to text without NUL or lone surrogates. */
export function assertSafeUrl(url: Pick<URL, "pathname" | "search">): void {
  assertDecodable(url.pathname, "path");
  assertDecodable(url.search, "query");
}

/** Route params as Next decoded them (a string, or a string[] for a catch-all segment). */
export function assertSafeParams(params: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(params ?? {})) {
    for (const text of Array.isArray(value) ? value : [value]) {
      const problem = typeof text === "string" ? hostileTextProblem(text) : null;
      if (problem) throw invalid(`The path parameter ${name} ${problem}.`);
    }
  }
}

/**
 * Every key and string of a parsed JSON body. Walked with an explicit stack, not recursion, so a deeply
 * nested body cannot overflow the call stack.
 */
export function assertSafeJson(body: unknown): void {
  const stack: [unknown, string][] = [[body, ""]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      const problem = hostileTextProblem(value);
      if (problem) throw invalid(`The body has text that ${problem}.`, [{ path: path || "(body)", message: `This text ${problem}.` }]);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, path ? `${path}.${i}` : String(i)]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const problem = hostileTextProblem(key);
        if (problem) throw invalid(`The body has a key that ${problem}.`, [{ path: path || "(body)", message: `A key here ${problem}.` }]);
        stack.push([item, path ? `${path}.${key}` : key]);
      }
    }
  }
}
