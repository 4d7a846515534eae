// App instances and worker processes of the production build, started and stopped by pid, for the fault
// tests, the load test and the benchmarks. Each process gets its own environment on top of this one's.
import { spawn, type ChildProcess } from "node:child_process";

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** The last lines the process wrote (for a failure message). */
  output(): string;
  /** Sends the signal and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

function track(child: ChildProcess, url: string): AppProcess {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
  return {
    url,
    child,
    output: () => lines.join("\n"),
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, what: string, app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`${what} exited (${app.child.exitCode}):\n${app.output()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  await app.stop("SIGKILL");
  throw new Error(`${what} was not ready after ${timeoutMs} ms:\n${app.output()}`);
}

/** `next start` of the existing build on `port`, ready when /api/health answers. */
export async function startAppInstance(port: number, env: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    ["--require", "./lib/http/peer-address-preload.cjs", "node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const app = track(child, `http://127.0.0.1:${port}`);
  await waitUntil(async () => (await fetch(`${app.url}/api/health`)).ok, `app on port ${port}`, app, timeoutMs);
  return app;
}

/** `npm run worker`'s process, ready when it logs that it started. */
export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], {
    // Its start-up line is logged at info: the level is fixed so that readiness can be seen.
    env: { ...process.env, ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const worker = track(child, "");
  await waitUntil(async () => worker.output().includes("run worker started"), "worker", worker, timeoutMs);
  return worker;
}
