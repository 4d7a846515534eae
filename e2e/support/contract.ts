// The HTTP contract, checked on every answer the API tests receive from /api/v1: the status is one the
// OpenAPI document (served by the instance under test) lists for the operation, the body fits that
// answer's schema (JSON Schema 2020-12, as OpenAPI 3.1 writes it), and its required headers are there.
// Server-sent events are checked for their status and content type only.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { MAIN_INSTANCE } from "./instances";

/** As much of an answer as the check reads: a Playwright APIResponse, or a fetch Response adapted to it. */
export interface ContractResponse {
  status(): number;
  headers(): Record<string, string>;
  text(): Promise<string>;
  url(): string;
}

type Json = Record<string, unknown>;
interface Located {
  value: Json;
  /** Its JSON pointer in the document, for ajv. */
  pointer: string;
}

const DOCUMENT_PATH = "/api/v1/openapi.json";
const CHECKED_PREFIX = "/api/v1/";
const DOCUMENT_ID = "openapi.json";

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** A document, its templated paths as patterns, and ajv validators compiled from it on first use. */
class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, formats: { "date-time": true, uri: true, email: true } });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly paths: { template: string; pattern: RegExp; params: number }[];

  constructor(readonly document: Json) {
    this.ajv.addSchema(document, DOCUMENT_ID);
    const templates = Object.keys((document.paths ?? {}) as Json);
    this.paths = templates
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}/]+\}/g, "[^/]+")}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal path wins over a templated one that also matches it.
      .sort((a, b) => a.params - b.params);
  }

  templateOf(path: string): string | undefined {
    return this.paths.find((p) => p.pattern.test(path))?.template;
  }

  /** Follows a local $ref ("#/components/…"), keeping track of where the value lives. */
  resolve(located: Located): Located {
    let current = located;
    for (let hops = 0; typeof current.value.$ref === "string" && hops < 10; hops++) {
      const ref = current.value.$ref;
      if (!ref.startsWith("#/")) throw new Error(`Only local references are supported, not ${ref}`);
      const pointer = ref.slice(1);
      let value: unknown = this.document;
      for (const segment of pointer.split("/").slice(1)) value = (value as Json)[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
      current = { value: value as Json, pointer };
    }
    return current;
  }

  child(parent: Located, ...segments: string[]): Located | undefined {
    let value: unknown = parent.value;
    for (const segment of segments) value = (value as Json | undefined)?.[segment];
    if (value === undefined) return undefined;
    return this.resolve({ value: value as Json, pointer: `${parent.pointer}/${segments.map(escapePointer).join("/")}` });
  }

  validator(schema: Located): ValidateFunction {
    let validate = this.validators.get(schema.pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${schema.pointer}` });
      this.validators.set(schema.pointer, validate);
    }
    return validate;
  }
}

let contract: Promise<Contract> | undefined;
const given = new WeakMap<Json, Contract>();

/**
 * The document, fetched once from the main instance: every instance of the suite runs the same build,
 * and the main one is not the one a test floods with requests.
 */
function contractOf(_origin: string): Promise<Contract> {
  if (!contract) {
    contract = fetch(`${MAIN_INSTANCE}${DOCUMENT_PATH}`).then(async (response) => {
      if (response.status !== 200) throw new Error(`GET ${DOCUMENT_PATH} answered ${response.status}`);
      return new Contract((await response.json()) as Json);
    });
    contract.catch(() => (contract = undefined));
  }
  return contract;
}

function contractFor(document: Json): Contract {
  let contract = given.get(document);
  if (!contract) given.set(document, (contract = new Contract(document)));
  return contract;
}

const mediaTypeOf = (headers: Record<string, string>) => (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

/** Next answers a path or method no handler serves with its own 404 or 405, not problem+json. */
const isNextsOwnAnswer = (status: number, mediaType: string) => (status === 404 || status === 405) && !mediaType.endsWith("json");

function headerProblems(contract: Contract, answer: Located, headers: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys((answer.value.headers ?? {}) as Json)) {
    const header = contract.child(answer, "headers", name)!;
    const value = headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.value.required === true) problems.push(`the ${name} header is missing`);
      continue;
    }
    const schema = contract.child(header, "schema");
    if (!schema) continue;
    const type = contract.resolve(schema).value.type;
    const typed = type === "integer" || type === "number" ? (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value) : value;
    const validate = contract.validator(schema);
    if (!validate(typed)) problems.push(`the ${name} header "${value}" does not fit: ${validate.errors?.[0]?.message}`);
  }
  return problems;
}

async function bodyProblems(
  contract: Contract,
  media: Located,
  isProblem: boolean,
  response: ContractResponse,
  status: number,
): Promise<string[]> {
  const schema = contract.child(media, "schema");
  if (!schema) return [];
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`the body is not JSON: ${text.slice(0, 200)}`];
  }
  const validate = contract.validator(schema);
  const problems = validate(body)
    ? []
    : (validate.errors ?? [])
        .slice(0, 5)
        .map(
          (e) =>
            `body${e.instancePath || ""} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}`,
        );
  const problemStatus = (body as Json | null)?.status;
  if (isProblem && problemStatus !== status) problems.push(`the problem's status ${String(problemStatus)} is not the answer's ${status}`);
  return problems;
}

/** What is wrong with an answer by the contract (nothing: it fits). */
async function violationsOf(contract: Contract, method: string, path: string, response: ContractResponse): Promise<string[]> {
  const status = response.status();
  const headers = response.headers();
  const mediaType = mediaTypeOf(headers);
  const template = contract.templateOf(path);
  const operation = template && contract.child({ value: contract.document, pointer: "" }, "paths", template, method.toLowerCase());
  if (!operation) {
    // Not in the document: the server must not serve it either.
    return status === 404 || status === 405 ? [] : [`${method} ${path} is not in the OpenAPI document, yet answered ${status}`];
  }
  const answer = contract.child(operation, "responses", String(status));
  if (!answer) {
    if (isNextsOwnAnswer(status, mediaType)) return [];
    return [`status ${status} is not documented for ${method} ${template}`];
  }
  const problems = headerProblems(contract, answer, headers);
  const content = (answer.value.content ?? {}) as Json;
  if (Object.keys(content).length === 0) return problems;
  if (!(mediaType in content)) return [...problems, `content type "${mediaType}" is not documented (${Object.keys(content).join(", ")})`];
  if (mediaType === "text/event-stream" || method.toUpperCase() === "HEAD") return [];
  const media = contract.child(answer, "content", mediaType)!;
  return [...problems, ...(await bodyProblems(contract, media, mediaType === "application/problem+json", response, status))];
}

/**
 * Throws when an answer breaks the contract of the instance that gave it. Paths outside /api/v1 are not
 * checked. `document` is for callers that have it at hand (the Vitest suite); else it is fetched.
 */
export async function checkAgainstContract(method: string, path: string, response: ContractResponse, document?: object): Promise<void> {
  if (!path.startsWith(CHECKED_PREFIX)) return;
  const contract = document ? contractFor(document as Json) : await contractOf(new URL(response.url()).origin);
  const problems = await violationsOf(contract, method.toUpperCase(), path, response);
  if (problems.length)
    throw new Error(
      `${method.toUpperCase()} ${path} answered ${response.status()} against the OpenAPI contract:\n- ${problems.join("\n- ")}`,
    );
}

const CHECKED_METHODS: Record<string, string> = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" };

function methodOf(property: string, args: unknown[]): string {
  if (property !== "fetch") return CHECKED_METHODS[property]!;
  const [target, options] = args as [string | { method(): string }, { method?: string } | undefined];
  return (options?.method ?? (typeof target === "string" ? "GET" : target.method())).toUpperCase();
}

/**
 * The request context with every answer checked against the contract before the test sees it. The body is
 * buffered by Playwright, so reading it here leaves it for the test to read again.
 */
export function withContractChecks(context: APIRequestContext): APIRequestContext {
  return new Proxy(context, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (typeof property !== "string" || !(property in CHECKED_METHODS || property === "fetch")) return value.bind(target);
      return async (...args: unknown[]) => {
        const response = (await value.apply(target, args)) as APIResponse;
        await checkAgainstContract(methodOf(property, args), new URL(response.url()).pathname, response);
        return response;
      };
    },
  });
}
