// The one reading of an agent-creating request, for the API and the dashboard's routes alike: a whole
// definition, or `{ template }` to copy a built-in agent.
import { readJson } from "@/lib/http/read-json";
import { createAgentRequestSchema, type CreateAgentInput } from "./agent-definition";
import { fromTemplate } from "./workspace-agents";

export async function readCreateAgent(request: Request): Promise<CreateAgentInput> {
  const body = await readJson(request, createAgentRequestSchema);
  return "template" in body ? fromTemplate(body) : body;
}
