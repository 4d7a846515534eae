// Reading runs of a workspace: one by id, or a page of them newest first.
import type { z } from "zod";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { runTrace } from "./run-trace";
import { toRunView, type RunView } from "./run-view";
import type { ListRunsQuery, runDetailSchema, runsPageSchema } from "./schemas";

export async function getRun(ctx: WorkspaceContext, runId: string): Promise<RunView> {
  const { workspaceId } = ctx;
  const run = await inWorkspace(workspaceId, (tx) => tx.run.findFirst({ where: { id: runId, workspaceId } }));
  if (!run) throw new AppError("not_found", "No run with this id in this workspace.");
  return toRunView(run);
}

export type RunDetail = z.infer<typeof runDetailSchema>;

/** One run with its trace (each model turn's tokens, cost and latency): GET /api/v1/runs/:id and the run page. */
export async function getRunDetail(ctx: WorkspaceContext, runId: string): Promise<RunDetail> {
  const { workspaceId } = ctx;
  const found = await inWorkspace(workspaceId, async (tx) => {
    const run = await tx.run.findFirst({ where: { id: runId, workspaceId } });
    return run && { run, trace: await runTrace(tx, workspaceId, runId) };
  });
  if (!found) throw new AppError("not_found", "No run with this id in this workspace.");
  return { ...toRunView(found.run), trace: found.trace };
}

export type RunsPage = z.infer<typeof runsPageSchema>;

export async function listRuns(ctx: WorkspaceContext, query: ListRunsQuery): Promise<RunsPage> {
  const { workspaceId } = ctx;
  const rows = await inWorkspace(workspaceId, async (tx) => {
    if (query.cursor && !(await isCursor(tx, workspaceId, query.cursor))) {
      throw new AppError("invalid_request", "Unknown cursor.", {
        fieldErrors: [{ path: "cursor", message: "Not a cursor from this list." }],
      });
    }
    return pageRows(tx, workspaceId, query);
  });
  return toPage(rows, query.limit);
}

/**
 * The dashboard's runs page: a cursor that is not one of this list's (a stale or hand-edited link) starts
 * from the newest run, and says so, where the API answers 400.
 */
export async function listRunsForPage(
  ctx: WorkspaceContext,
  query: ListRunsQuery,
): Promise<RunsPage & { cursorIgnored: boolean; origins: Record<string, string> }> {
  const { workspaceId } = ctx;
  const { rows, cursorIgnored, keys } = await inWorkspace(workspaceId, async (tx) => {
    const cursorIgnored = Boolean(query.cursor) && !(await isCursor(tx, workspaceId, query.cursor!));
    const rows = await pageRows(tx, workspaceId, cursorIgnored ? { ...query, cursor: undefined } : query);
    const keyIds = [...new Set(rows.flatMap((r) => (r.apiKeyId ? [r.apiKeyId] : [])))];
    const keys = keyIds.length
      ? await tx.apiKey.findMany({ where: { workspaceId, id: { in: keyIds } }, select: { id: true, name: true } })
      : [];
    return { rows, cursorIgnored, keys };
  });
  // Where each run came from: the dashboard, or the API key (by name) that started it.
  const origins = Object.fromEntries(
    rows.map((r) => [r.id, r.apiKeyId ? `key “${keys.find((k) => k.id === r.apiKeyId)?.name ?? "deleted"}”` : "Dashboard"]),
  );
  return { ...toPage(rows, query.limit), cursorIgnored, origins };
}

async function isCursor(tx: Tx, workspaceId: string, cursor: string): Promise<boolean> {
  return Boolean(await tx.run.findFirst({ where: { id: cursor, workspaceId }, select: { id: true } }));
}

function pageRows(tx: Tx, workspaceId: string, query: ListRunsQuery) {
  return tx.run.findMany({
    where: { workspaceId, ...(query.status && { status: query.status }), ...(query.agent && { agent: query.agent }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor && { cursor: { id: query.cursor }, skip: 1 }),
  });
}

function toPage(rows: Awaited<ReturnType<typeof pageRows>>, limit: number): RunsPage {
  const page = rows.slice(0, limit);
  return { data: page.map(toRunView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
