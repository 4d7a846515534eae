// The measured part of bench/tool-calls.bench.ts, run with DATABASE_URL set to its scratch database:
// what the platform adds to one HTTP tool call of a model turn. The same local endpoint is called bare
// (fetch) and as an agent's tool (arguments checked, the request signed with Standard Webhooks, sent
// through the egress guard, the answer read capped) and then recorded as the run's trace does it (the
// RunToolCall row and the `tool` event), interleaved so both see the same machine.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openToolbox } from "@/lib/agents/toolbox";
import { pool } from "@/lib/db/client";
import { recordToolCall } from "@/lib/runs/execute-run";
import { newSigningSecret } from "@/lib/tools/tool-signature";
import { ownerDb } from "@/tests/support/owner-db";
import { createTeam } from "@/tests/support/workspace-fixture";

const CALLS = Number(process.env.BENCH_TOOL_CALLS || 400);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end('{"status":"shipped"}'));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;

try {
  const team = await createTeam("pro");
  const run = await ownerDb().run.create({ data: { workspaceId: team.workspaceId, agent: "support-triage", input: { ticket: "bench" } } });
  const job = { runId: run.id, workspaceId: team.workspaceId };
  const signal = new AbortController().signal;
  const toolbox = await openToolbox(
    [
      {
        type: "http",
        name: "order_status",
        description: "Looks up an order.",
        inputSchema: { type: "object", properties: { order: { type: "string" } }, required: ["order"] },
        url,
        method: "POST",
        headers: {},
      },
    ],
    { signingSecret: newSigningSecret(), secretValue: () => "", signal, callIdPrefix: `bench_${run.id}` },
  );
  const bareCall = async () =>
    (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"order":"42"}' })).text();
  const platformCall = async (i: number) => {
    const result = await toolbox.call("order_status", { order: "42" }, `call_${i}`, signal);
    if (result.isError) throw new Error(`tool call failed: ${result.content}`);
    await recordToolCall(job, 1, { turn: 1, callId: `call_${i}`, name: "order_status", input: { order: "42" }, ...result });
  };
  for (let i = 0; i < 20; i++) await Promise.all([bareCall(), platformCall(-i - 1)]); // warm up
  const bare: number[] = [];
  const platform: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    let started = performance.now();
    await bareCall();
    bare.push(performance.now() - started);
    started = performance.now();
    await platformCall(i);
    platform.push(performance.now() - started);
  }
  await toolbox.close();
  const b = stats(bare);
  const p = stats(platform);
  const recorded = await ownerDb().runToolCall.count({ where: { runId: run.id } });
  console.log(`\n[bench] tool calls: ${CALLS} HTTP tool calls to a local endpoint, bare and through the platform, interleaved`);
  console.log("path | p50 ms | p99 ms");
  console.log("---|---|---");
  console.log(`bare fetch | ${b.p50.toFixed(3)} | ${b.p99.toFixed(3)}`);
  console.log(`as an agent's tool (checked, signed, egress-guarded, recorded) | ${p.p50.toFixed(3)} | ${p.p99.toFixed(3)}`);
  const added = p.p50 - b.p50;
  console.log(`\nadded per tool call: p50 ${added.toFixed(2)} ms, p99 ${(p.p99 - b.p99).toFixed(2)} ms`);
  console.log(`recorded: ${recorded} tool calls for ${CALLS + 20} made: ${recorded === CALLS + 20 ? "all" : "MISMATCH"}`);
  if (recorded !== CALLS + 20) process.exitCode = 1;
} finally {
  server.close();
  await ownerDb().$disconnect();
  await pool().end();
}
