// The API reference rendered from the OpenAPI document (the same one /api/v1/openapi.json serves):
// each operation with its scope, parameters, body fields, answers and a curl snippet built from it.
import { v1Document } from "@/lib/api/openapi/openapi-document";
import { curlSnippet } from "@/lib/api/openapi/snippets";
import { V1_OPERATIONS } from "@/lib/api/openapi/v1-operations";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
};
type Operation = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description?: string; $ref?: string }>;
};

function resolve(schema: JsonSchema | undefined, components: Record<string, JsonSchema>): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return components[schema.$ref.split("/").pop()!];
}

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop()!;
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeOf).join(" | ");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
}

const EXAMPLE_BODIES: Record<string, unknown> = {
  createRun: { agent: "research", input: { question: "What is row-level security?" } },
  createAgent: { name: "Order helper", instructions: "Answer questions about orders." },
  updateAgent: { instructions: "Answer briefly." },
  createWebhookEndpoint: { url: "https://example.com/agenthq/webhooks", events: ["run.succeeded"] },
};

export function ApiReference({ baseUrl }: { baseUrl: string }) {
  const document = v1Document() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const components = document.components.schemas;
  return (
    <section aria-labelledby="reference" className="mt-16">
      <h2 id="reference">Reference (from the OpenAPI document)</h2>
      <p>
        Generated from <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>, the contract the server is tested against.
      </p>
      {V1_OPERATIONS.map((op) => {
        const described = document.paths[op.path]?.[op.method];
        if (!described) return null;
        const body = resolve(described.requestBody?.content["application/json"]?.schema, components);
        const params = (described.parameters ?? []).filter((p) => p.in === "path" || p.in === "query");
        return (
          <article key={op.operationId} id={`op-${op.operationId}`} className="mt-10">
            <h3>
              <code>
                {op.method.toUpperCase()} {op.path}
              </code>
            </h3>
            <p>
              {op.summary}.{" "}
              {op.caller.kind === "key" ? (op.caller.scope ? `Scope \`${op.caller.scope}\`.` : "Any API key.") : "No key needed."}
            </p>
            {params.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th>parameter</th>
                    <th>in</th>
                    <th>type</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {params.map((p) => (
                    <tr key={`${p.in}-${p.name}`}>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>{typeOf(p.schema)}</td>
                      <td>
                        {p.required ? "required" : ""} {p.description}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {body?.properties && (
              <table>
                <thead>
                  <tr>
                    <th>body field</th>
                    <th>type</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(body.properties).map(([name, field]) => (
                    <tr key={name}>
                      <td>
                        <code>{name}</code>
                      </td>
                      <td>{typeOf(field)}</td>
                      <td>
                        {body.required?.includes(name) ? "required" : ""} {field.description}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              Answers:{" "}
              {Object.entries(described.responses).map(([status, answer], i) => (
                <span key={status}>
                  {i > 0 && ", "}
                  <code>{status}</code>
                  {answer.description && !answer.$ref
                    ? ` ${answer.description.replace(/\.$/, "")}`
                    : answer.$ref
                      ? ` ${answer.$ref.split("/").pop()}`
                      : ""}
                </span>
              ))}
            </p>
            <pre>
              <code>
                {curlSnippet(op.operationId, {
                  baseUrl,
                  params: Object.fromEntries(params.filter((p) => p.in === "path").map((p) => [p.name, `$${p.name.toUpperCase()}`])),
                  body: EXAMPLE_BODIES[op.operationId],
                })}
              </code>
            </pre>
          </article>
        );
      })}
    </section>
  );
}
