"use client";

// The agent editor: every field of a definition, tools included. Saving a new agent makes version 1;
// saving a change makes the next version. Errors from the server land next to the field they name.
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AgentView } from "@/lib/agents/workspace-agents";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";

type Header = string | { secret: string };
type ToolDraft =
  | { type: "builtin"; name: string }
  | { type: "http"; name: string; description: string; url: string; method: string; inputSchema: string; headers: string }
  | { type: "mcp"; name: string; url: string; headers: string; allowedTools: string };

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const DEFAULT_ARGS = JSON.stringify({ type: "object", properties: { query: { type: "string" } }, required: ["query"] }, null, 2);

/** Headers as lines "Name: value"; "Name: secret:crm_token" refers to a workspace secret. */
function headersText(headers: Record<string, Header> = {}): string {
  return Object.entries(headers)
    .map(([name, v]) => `${name}: ${typeof v === "string" ? v : `secret:${v.secret}`}`)
    .join("\n");
}
function parseHeaders(text: string, path: string, errors: FieldErrors): Record<string, Header> {
  const headers: Record<string, Header> = {};
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const colon = line.indexOf(":");
    const name = colon === -1 ? "" : line.slice(0, colon).trim();
    if (!name) {
      errors[path] = `Write each header as Name: value ("${line.slice(0, 40)}" is not).`;
      continue;
    }
    if (Object.keys(headers).some((n) => n.toLowerCase() === name.toLowerCase())) errors[path] = `The header ${name} is given twice.`;
    const value = line.slice(colon + 1).trim();
    headers[name] = value.startsWith("secret:") ? { secret: value.slice("secret:".length) } : value;
  }
  return headers;
}

function toDraft(tool: AgentView["tools"][number]): ToolDraft {
  if (tool.type === "builtin") return tool;
  if (tool.type === "http") {
    return {
      type: "http",
      name: tool.name,
      description: tool.description,
      url: tool.url,
      method: tool.method,
      inputSchema: JSON.stringify(tool.inputSchema, null, 2),
      headers: headersText(tool.headers),
    };
  }
  return {
    type: "mcp",
    name: tool.name,
    url: tool.url,
    headers: headersText(tool.headers),
    allowedTools: (tool.allowedTools ?? []).join(", "),
  };
}

function parseJson(text: string, path: string, errors: FieldErrors): unknown {
  try {
    return JSON.parse(text);
  } catch {
    errors[path] = "This is not valid JSON.";
    return undefined;
  }
}

function fromDraft(tool: ToolDraft, index: number, errors: FieldErrors): unknown {
  if (tool.type === "builtin") return tool;
  if (tool.type === "http") {
    const { inputSchema, headers, ...rest } = tool;
    return {
      ...rest,
      inputSchema: parseJson(inputSchema, `tools.${index}.inputSchema`, errors),
      headers: parseHeaders(headers, `tools.${index}.headers`, errors),
    };
  }
  const allowed = tool.allowedTools
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    type: "mcp",
    name: tool.name,
    url: tool.url,
    headers: parseHeaders(tool.headers, `tools.${index}.headers`, errors),
    allowedTools: allowed.length ? allowed : null,
  };
}

/** A label around its control; the hint and the error follow it, outside the control's name. */
function Field({ label, error, children, hint }: { label: string; error?: string; children: ReactNode; hint?: string }) {
  return (
    <div className="text-sm">
      <label className="block">
        <span className="font-medium text-slate-800">{label}</span>
        {children}
      </label>
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

export function AgentEditor({
  slug,
  agent,
  models,
  builtInTools,
}: {
  slug: string;
  agent?: AgentView;
  models: string[];
  builtInTools: string[];
}) {
  const router = useRouter();
  const [form, setForm] = useState({
    id: agent?.id ?? "",
    name: agent?.name ?? "",
    description: agent?.description ?? "",
    instructions: agent?.instructions ?? "",
    model: agent?.model ?? models[0] ?? "",
    maxTurns: String(agent?.limits.maxTurns ?? 8),
    maxRuntimeSeconds: String(agent?.limits.maxRuntimeSeconds ?? 300),
    maxCostUsd: agent?.limits.maxCostUsd == null ? "" : String(agent.limits.maxCostUsd),
    inputSchema: JSON.stringify(
      agent?.inputSchema ?? {
        type: "object",
        properties: { prompt: { type: "string", minLength: 1 } },
        required: ["prompt"],
        additionalProperties: false,
      },
      null,
      2,
    ),
  });
  const [tools, setTools] = useState<ToolDraft[]>((agent?.tools ?? []).map(toDraft));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, setPending] = useState(false);
  /** The first error at `path` or under it (the server names tools.0.headers.X-Key, the field is tools.0.headers). */
  const errorAt = (path: string) => errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const setTool = (index: number, change: Partial<ToolDraft>) =>
    setTools((ts) => ts.map((t, i) => (i === index ? ({ ...t, ...change } as ToolDraft) : t)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: FieldErrors = {};
    const body = {
      ...(!agent && form.id.trim() && { id: form.id.trim() }),
      name: form.name,
      description: form.description,
      instructions: form.instructions,
      // An unchanged model is not sent: saving the form as it is must not pin the server's default.
      ...((!agent || form.model !== agent.model) && { model: form.model }),
      tools: tools.map((t, i) => fromDraft(t, i, local)),
      inputSchema: parseJson(form.inputSchema, "inputSchema", local),
      limits: {
        maxTurns: Number(form.maxTurns),
        maxRuntimeSeconds: Number(form.maxRuntimeSeconds),
        maxCostUsd: form.maxCostUsd.trim() === "" ? null : Number(form.maxCostUsd),
      },
    };
    setErrors(local);
    setSaved(undefined);
    if (Object.keys(local).length) return setAlert("Fix the fields marked below.");
    setPending(true);
    const result = agent
      ? await apiRequest<AgentView>("PATCH", `/api/workspaces/${slug}/agents/${agent.id}`, body)
      : await apiRequest<AgentView>("POST", `/api/workspaces/${slug}/agents`, body);
    setPending(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromProblem(result.problem));
      return setAlert(result.problem.detail);
    }
    setAlert(undefined);
    setSaved(`Saved as version ${result.data.version}.`);
    if (!agent) router.push(`/w/${slug}/agents/${result.data.id}`);
    else router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 max-w-3xl space-y-5" aria-label="Agent">
      {alert && <FormAlert>{alert}</FormAlert>}
      {saved && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          {saved}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name}>
          <input className={input} value={form.name} onChange={set("name")} maxLength={80} />
        </Field>
        {agent ? (
          <Field label="Id" hint="Runs name it as the agent, or with @version to pin one.">
            <input className={`${input} bg-slate-50 font-mono`} value={agent.id} readOnly />
          </Field>
        ) : (
          <Field label="Id (optional)" error={errors.id} hint="Default: made from the name.">
            <input className={`${input} font-mono`} value={form.id} onChange={set("id")} maxLength={48} />
          </Field>
        )}
      </div>
      <Field label="Description" error={errors.description}>
        <input className={input} value={form.description} onChange={set("description")} maxLength={1000} />
      </Field>
      <Field label="Instructions" error={errors.instructions} hint="The system prompt: what the agent does and how.">
        <textarea className={`${input} font-mono text-xs`} rows={6} value={form.instructions} onChange={set("instructions")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label="Model" error={errors.model}>
          <select className={input} value={form.model} onChange={set("model")}>
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Max turns" error={errors["limits.maxTurns"]}>
          <input className={input} inputMode="numeric" value={form.maxTurns} onChange={set("maxTurns")} />
        </Field>
        <Field label="Max seconds" error={errors["limits.maxRuntimeSeconds"]}>
          <input className={input} inputMode="numeric" value={form.maxRuntimeSeconds} onChange={set("maxRuntimeSeconds")} />
        </Field>
        <Field label="Max cost a run (USD)" error={errors["limits.maxCostUsd"]} hint="Empty: no own limit.">
          <input className={input} inputMode="decimal" value={form.maxCostUsd} onChange={set("maxCostUsd")} />
        </Field>
      </div>
      <Field
        label="Input schema (JSON Schema)"
        error={errorAt("inputSchema")}
        hint="What a run's input must look like; GET /api/v1/agents shows it to clients."
      >
        <textarea className={`${input} font-mono text-xs`} rows={6} value={form.inputSchema} onChange={set("inputSchema")} />
      </Field>

      <fieldset className="space-y-3">
        <legend className="font-semibold">Tools</legend>
        {errors.tools && (
          <p role="alert" className="text-sm text-red-600">
            {errors.tools}
          </p>
        )}
        {tools.length === 0 && <p className="text-sm text-slate-600">No tools: the agent answers from its instructions and input alone.</p>}
        {tools.map((tool, i) => (
          <div key={i} className="rounded-lg border border-slate-200 p-3" data-testid={`tool-${i}`}>
            <div className="flex items-center justify-between">
              <span className="text-sm font-semibold">
                {tool.type === "builtin" ? "Built-in tool" : tool.type === "http" ? "HTTP tool" : "MCP server"}
              </span>
              <button
                type="button"
                className="text-sm text-red-700 hover:underline"
                onClick={() => setTools((ts) => ts.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
            {tool.type === "builtin" ? (
              <Field label="Tool" error={errorAt(`tools.${i}.name`)}>
                <select className={input} value={tool.name} onChange={(e) => setTool(i, { name: e.target.value })}>
                  {builtInTools.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </Field>
            ) : tool.type === "http" ? (
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <Field label="Tool name" error={errorAt(`tools.${i}.name`)}>
                  <input className={`${input} font-mono`} value={tool.name} onChange={(e) => setTool(i, { name: e.target.value })} />
                </Field>
                <Field label="Method" error={errorAt(`tools.${i}.method`)}>
                  <select className={input} value={tool.method} onChange={(e) => setTool(i, { method: e.target.value })}>
                    {["POST", "GET", "PUT", "PATCH", "DELETE"].map((m) => (
                      <option key={m}>{m}</option>
                    ))}
                  </select>
                </Field>
                <div className="sm:col-span-2">
                  <Field label="URL" error={errorAt(`tools.${i}.url`)}>
                    <input
                      className={`${input} font-mono`}
                      value={tool.url}
                      onChange={(e) => setTool(i, { url: e.target.value })}
                      placeholder="https://api.example.com/lookup"
                    />
                  </Field>
                </div>
                <div className="sm:col-span-2">
                  <Field label="Description (for the model)" error={errorAt(`tools.${i}.description`)}>
                    <input className={input} value={tool.description} onChange={(e) => setTool(i, { description: e.target.value })} />
                  </Field>
                </div>
                <Field label="Arguments (JSON Schema)" error={errorAt(`tools.${i}.inputSchema`)}>
                  <textarea
                    className={`${input} font-mono text-xs`}
                    rows={5}
                    value={tool.inputSchema}
                    onChange={(e) => setTool(i, { inputSchema: e.target.value })}
                  />
                </Field>
                <Field
                  label="Headers"
                  error={errorAt(`tools.${i}.headers`)}
                  hint="One per line, Name: value. Name: secret:crm_token uses a secret from Settings."
                >
                  <textarea
                    className={`${input} font-mono text-xs`}
                    rows={5}
                    value={tool.headers}
                    onChange={(e) => setTool(i, { headers: e.target.value })}
                  />
                </Field>
              </div>
            ) : (
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <Field label="Server name" error={errorAt(`tools.${i}.name`)} hint="Its tools reach the model as name__tool.">
                  <input className={`${input} font-mono`} value={tool.name} onChange={(e) => setTool(i, { name: e.target.value })} />
                </Field>
                <Field
                  label="Allowed tools"
                  error={errorAt(`tools.${i}.allowedTools`)}
                  hint="Comma-separated; empty: all of the server's tools."
                >
                  <input
                    className={`${input} font-mono`}
                    value={tool.allowedTools}
                    onChange={(e) => setTool(i, { allowedTools: e.target.value })}
                  />
                </Field>
                <div className="sm:col-span-2">
                  <Field label="URL (Streamable HTTP or SSE)" error={errorAt(`tools.${i}.url`)}>
                    <input
                      className={`${input} font-mono`}
                      value={tool.url}
                      onChange={(e) => setTool(i, { url: e.target.value })}
                      placeholder="https://mcp.example.com/mcp"
                    />
                  </Field>
                </div>
                <div className="sm:col-span-2">
                  <Field
                    label="Headers"
                    error={errorAt(`tools.${i}.headers`)}
                    hint="Authorization: secret:mcp_token sends a secret from Settings."
                  >
                    <textarea
                      className={`${input} font-mono text-xs`}
                      rows={3}
                      value={tool.headers}
                      onChange={(e) => setTool(i, { headers: e.target.value })}
                    />
                  </Field>
                </div>
              </div>
            )}
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
            onClick={() =>
              setTools((ts) => [
                ...ts,
                { type: "http", name: "", description: "", url: "", method: "POST", inputSchema: DEFAULT_ARGS, headers: "" },
              ])
            }
          >
            Add HTTP tool
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
            onClick={() => setTools((ts) => [...ts, { type: "mcp", name: "", url: "", headers: "", allowedTools: "" }])}
          >
            Add MCP server
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
            onClick={() => setTools((ts) => [...ts, { type: "builtin", name: builtInTools[0]! }])}
          >
            Add built-in tool
          </button>
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…" fullWidth={false}>
        {agent ? "Save as a new version" : "Create agent"}
      </SubmitButton>
    </form>
  );
}
