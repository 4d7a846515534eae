// A run's input checked in the browser before it is sent, against the agent's input schema, and field
// errors (the browser's or the server's) written for people: "`question` is required; unknown field
// `topic`". The browser uses @cfworker/json-schema, which interprets schemas instead of compiling them to
// code as ajv does (the dashboard's Content-Security-Policy forbids eval). The server's ajv check stays
// the authority; this one only saves a round trip, so it reports what it is sure of.
import { Validator, type OutputUnit } from "@cfworker/json-schema";

export interface InputFieldError {
  path: string;
  message: string;
}

const LEAF_KEYWORDS = new Set([
  "required",
  "additionalProperties",
  "type",
  "enum",
  "const",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minItems",
  "maxItems",
  "multipleOf",
]);
const quoted = (text: string) => /"([^"]+)"/.exec(text)?.[1] ?? "";

function toFieldError(unit: OutputUnit): InputFieldError {
  const at = unit.instanceLocation
    .split("/")
    .slice(1)
    .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
  const path = ["input", ...at];
  // The same paths and messages as the server's check (lib/agents/input-schema.ts), for these two.
  if (unit.keyword === "required") return { path: [...path, quoted(unit.error)].join("."), message: "Required." };
  if (unit.keyword === "additionalProperties") return { path: path.join("."), message: `Unknown field "${quoted(unit.error)}".` };
  return { path: path.join("."), message: unit.error };
}

/** The problems the browser can see in `input`, or none (also when the schema is beyond this checker). */
export function precheckInput(schema: Record<string, unknown>, input: unknown): InputFieldError[] {
  try {
    const result = new Validator(schema as never, "2020-12", false).validate(input);
    return result.errors.filter((unit) => LEAF_KEYWORDS.has(unit.keyword)).map(toFieldError);
  } catch {
    return [];
  }
}

/** One sentence for a list of field errors, with field names between backticks. */
export function describeInputErrors(errors: InputFieldError[]): string {
  const parts = errors.map(({ path, message }) => {
    const field = path.replace(/^input\.?/, "");
    const unknown = /^Unknown field "(.+)"\.$/.exec(message);
    if (unknown) return `unknown field \`${field ? `${field}.` : ""}${unknown[1]}\``;
    if (message === "Required.") return `\`${field}\` is required`;
    const text = message.replace(/\.$/, "");
    return field
      ? `\`${field}\`: ${text.charAt(0).toLowerCase()}${text.slice(1)}`
      : `the input: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  });
  const sentence = [...new Set(parts)].join("; ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".";
}
