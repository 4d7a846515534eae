// The agent catalog as cards on the landing page.
import { AGENTS } from "@/lib/agents/catalog";

export function AgentGrid() {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {AGENTS.map((agent) => (
        <li key={agent.id} className="rounded-xl border border-slate-200 p-5">
          <h3 className="font-semibold">{agent.name}</h3>
          <p className="mt-1 font-mono text-xs text-slate-500">{agent.id}</p>
          <p className="mt-2 text-sm text-slate-700">{agent.description}</p>
        </li>
      ))}
    </ul>
  );
}
