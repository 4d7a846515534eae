// An agent's input is described by a JSON Schema, checked with ajv: when the agent is saved (the schema
// itself must be valid, small and safe to evaluate) and when a run is asked for (the input must fit it).
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { z } from "zod";
import type { FieldError } from "@/lib/errors/app-error";

export type JsonSchema = Record<string, unknown>;

/** What an agent takes when its author says nothing else: one prompt. */
export const DEFAULT_INPUT_SCHEMA: JsonSchema = {
  type: "object",
  properties: { prompt: { type: "string", minLength: 1, maxLength: 100_000, description: "What to ask the agent." } },
  required: ["prompt"],
  additionalProperties: false,
};

const MAX_SCHEMA_BYTES = 20_000;
const MAX_DEPTH = 12;
/**
 * Keywords not accepted: regular expressions from a customer could stall validation (catastrophic
 * backtracking), uniqueItems compares every pair of a long array, and references reach outside the schema.
 */
const REFUSED_KEYWORDS = ["pattern", "patternProperties", "uniqueItems", "$ref", "$dynamicRef", "$id", "$schema"] as const;
/** Keywords whose object's keys are names the customer chose (fields, definitions), not keywords. */
const NAME_MAPS = new Set(["properties", "$defs", "definitions", "dependentSchemas", "dependentRequired"]);

// strict: unknown keywords are an error, not silently ignored; allErrors: every problem reported at once.
// One Ajv per schema: an Ajv keeps everything it ever compiled, so a shared one would only grow.
const newAjv = () => new Ajv({ strict: true, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || typeof value !== "object" || value === null) return depth;
  return Math.max(depth, ...Object.values(value).map((v) => depthOf(v, depth + 1)));
}

function refusedKeyword(value: unknown, keysAreNames = false): string | null {
  if (typeof value !== "object" || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    if (!keysAreNames && !Array.isArray(value) && (REFUSED_KEYWORDS as readonly string[]).includes(key)) return key;
    const inner = refusedKeyword(child, !keysAreNames && NAME_MAPS.has(key));
    if (inner) return inner;
  }
  return null;
}

/** A compiled validator, kept for the 500 schemas used last. */
function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached) {
    compiled.delete(key);
    compiled.set(key, cached);
    return cached;
  }
  const validate = newAjv().compile(schema);
  if (compiled.size >= 500) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, validate);
  return validate;
}

/** Why a schema cannot be an agent's input schema, or null when it can. */
function schemaProblem(schema: JsonSchema): string | null {
  if (JSON.stringify(schema).length > MAX_SCHEMA_BYTES) return `Keep the input schema under ${MAX_SCHEMA_BYTES / 1000} KB.`;
  if (depthOf(schema) > MAX_DEPTH) return `Nest the input schema at most ${MAX_DEPTH} levels deep.`;
  if (schema.type !== "object") return 'The input schema must describe an object ("type": "object").';
  const refused = refusedKeyword(schema);
  if (refused) return `The input schema may not use "${refused}".`;
  try {
    validatorFor(schema);
    return null;
  } catch (error) {
    return `The input schema is not valid JSON Schema: ${error instanceof Error ? error.message.slice(0, 300) : "unknown problem"}.`;
  }
}

export const inputSchemaSchema = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  const problem = schemaProblem(schema);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

function fieldErrorOf(error: ErrorObject): FieldError {
  const at = error.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required") return { path: ["input", ...at, String(error.params.missingProperty)].join("."), message: "Required." };
  if (error.keyword === "additionalProperties") {
    return { path: ["input", ...at].join("."), message: `Unknown field "${String(error.params.additionalProperty)}".` };
  }
  return { path: ["input", ...at].join("."), message: `${error.message ?? "Invalid"}.`.replace(/^./, (c) => c.toUpperCase()) };
}

/** Checks a run's input against a saved schema; the field errors name `input.<field>`. */
export function checkInput(schema: JsonSchema, input: unknown): FieldError[] {
  const validate = validatorFor(schema);
  if (validate(input)) return [];
  return (validate.errors ?? []).slice(0, 20).map(fieldErrorOf);
}

/** A starting input for a schema: each required property with an empty value of its type. */
export function exampleInput(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, { type?: string; enum?: unknown[] }>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(properties).slice(0, 1);
  const empty = (p: { type?: string; enum?: unknown[] } = {}) =>
    p.enum?.[0] ??
    (p.type === "number" || p.type === "integer"
      ? 0
      : p.type === "boolean"
        ? false
        : p.type === "array"
          ? []
          : p.type === "object"
            ? {}
            : "");
  return Object.fromEntries(required.map((name) => [name, empty(properties[name])]));
}
