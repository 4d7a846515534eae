// npm run bench (last part) — cold start: `npm start` (scripts/start.ts) on an existing build and an
// existing database, from the command to GET /api/ready answering 200, against a 5 s target; then the
// memory (RSS) of the idle instance: the Next server process, and the whole tree `npm start` runs (npm,
// tsx, start.ts, the server). Started twice on one database: the first start migrates it if it needs
// it (provisioning here already has) and warms the disk cache; the second is the one reported. Needs a
// build (it does not make one).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { provisionTestDatabase } from "@/tests/support/test-database";

const TARGET_SECONDS = 5;
const PORT = Number(process.env.BENCH_PORT || 3200);
/** How long the instance sits idle before its memory is read (in-process workers polling, nothing else). */
const IDLE_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(".next/BUILD_ID")) {
  console.error("[bench] cold start: no production build (.next/BUILD_ID): run `npm run build` first");
  process.exit(1);
}

/** Parent pid of every process, from /proc/<pid>/stat (the command name, in parentheses, may hold spaces). */
async function parents(): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[1]) map.set(Number(entry), Number(fields[1]));
  }
  return map;
}

/** `root` and all its descendants. */
async function processTree(root: number): Promise<number[]> {
  const byParent = await parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of byParent) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

const commandLine = async (pid: number) => (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).replaceAll("\0", " ");

interface ColdStart {
  seconds: number;
  serverRssMb: number;
  treeRssMb: number;
  processes: number;
}

async function coldStart(env: Record<string, string>): Promise<ColdStart> {
  const started = performance.now();
  // Its own process group, so that stopping it reaches npm's children too.
  const child: ChildProcess = spawn("npm", ["start", "--silent"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stopGroup = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    if (await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])) return;
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  };
  try {
    const deadline = started + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${lines.slice(-40).join("\n")}`);
      if (performance.now() > deadline) throw new Error(`not ready after 60 s:\n${lines.slice(-40).join("\n")}`);
      const ready = await fetch(`http://127.0.0.1:${PORT}/api/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      await sleep(25);
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(IDLE_MS);
    const tree = await processTree(child.pid!);
    const rss = await Promise.all(tree.map(rssKb));
    const commands = await Promise.all(tree.map(commandLine));
    // Next names its server process "next-server (v…)"; should it not, that is the one running `next start`.
    let serverIndex = commands.findIndex((c) => c.includes("next-server"));
    if (serverIndex < 0) serverIndex = commands.findIndex((c) => c.includes("next/dist/bin/next"));
    return {
      seconds,
      serverRssMb: serverIndex >= 0 ? rss[serverIndex]! / 1024 : NaN,
      treeRssMb: rss.reduce((a, b) => a + b, 0) / 1024,
      processes: tree.length,
    };
  } finally {
    await stopGroup();
  }
}

const database = await provisionTestDatabase("bench_cold", 54369);
const dataDir = await mkdtemp(path.join(os.tmpdir(), "agenthq-cold-"));
try {
  const env = {
    DATABASE_URL: database.url,
    PORT: String(PORT),
    // Its generated secrets go to a scratch directory, not the checkout's .data.
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  console.log(
    `[bench] cold start: npm start on the existing build and database (${database.embedded ? "embedded" : "DATABASE_URL"}), ready = GET /api/ready 200; RSS after ${IDLE_MS / 1000} s idle`,
  );
  const first = await coldStart(env);
  const second = await coldStart(env);
  console.log("\nstart | ready after | target | Next server RSS | npm start tree RSS (processes)");
  console.log("---|---|---|---|---");
  for (const [label, run] of [
    ["first (cold caches)", first],
    ["second (reported)", second],
  ] as const) {
    const verdict = run.seconds < TARGET_SECONDS ? "✓" : "✗";
    console.log(
      `${label} | ${run.seconds.toFixed(2)} s ${verdict} | < ${TARGET_SECONDS} s | ${run.serverRssMb.toFixed(0)} MB | ${run.treeRssMb.toFixed(0)} MB (${run.processes})`,
    );
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
  await database.cleanup();
}
