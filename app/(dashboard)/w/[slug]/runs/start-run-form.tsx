"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { RunInputField, useRunInput } from "@/components/dashboard/run-input-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { apiRequest } from "@/lib/forms/api-request";

/** An example input per agent, so a first run needs no reading. */
const EXAMPLES: Record<string, unknown> = {
  research: { question: "What are the trade-offs of row-level security for multi-tenant SaaS?" },
  "code-review": {
    code: 'function login(user, password) {\n  // TODO: hash\n  return db.query("SELECT * FROM users WHERE name=\'" + user + "\'");\n}',
    language: "javascript",
  },
  writer: { brief: "Release notes: API keys now expire; rate limit headers on every response.", tone: "friendly" },
  "data-analyst": { csv: "month,signups,revenue\nJan,120,4300\nFeb,180,5200\nMar,260,7900" },
  "support-triage": { ticket: "Our API calls fail with errors since this morning, urgent!" },
};

type AgentChoice = { id: string; name: string; description: string; example: unknown; inputSchema: Record<string, unknown> };

const exampleOf = (agent: AgentChoice | undefined) => JSON.stringify((agent && (EXAMPLES[agent.id] ?? agent.example)) ?? {}, null, 2);

export function StartRunForm({ slug, agents }: { slug: string; agents: AgentChoice[] }) {
  const router = useRouter();
  const [agent, setAgent] = useState(agents[0]?.id ?? "");
  const chosen = agents.find((a) => a.id === agent);
  const input = useRunInput(chosen?.inputSchema ?? {}, exampleOf(agents[0]));
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const checked = input.check();
    if (!checked) return;
    setPending(true);
    const result = await apiRequest<{ id: string }>("POST", `/api/workspaces/${slug}/runs`, { agent, input: checked.input });
    setPending(false);
    if (!result.ok) {
      if (!input.showProblem(result.problem)) setError(result.problem.detail);
      return;
    }
    router.push(`/w/${slug}/runs/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
      {error && <FormAlert>{error}</FormAlert>}
      <div>
        <label htmlFor="run-agent" className="block text-sm font-medium text-slate-800">
          Agent
        </label>
        <select
          id="run-agent"
          value={agent}
          onChange={(e) => {
            setAgent(e.target.value);
            input.setText(exampleOf(agents.find((a) => a.id === e.target.value)));
          }}
          className="mt-1 max-w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
        >
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">{chosen?.description}</p>
      </div>
      <RunInputField id="run-input" state={input} />
      <SubmitButton pending={pending} pendingLabel="Starting…" fullWidth={false}>
        Start run
      </SubmitButton>
    </form>
  );
}
