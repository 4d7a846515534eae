// npm run check:image — the Docker image, built and started without Docker (CI has no Docker engine):
// the build stages' RUN steps in the Dockerfile's order and with its ENV, the runtime stage's files laid
// out from its `COPY --from=build` lines, then its CMD (migrations, then the standalone server) on a
// scratch database, healthy by its own HEALTHCHECK, serving the landing page and ready.
// `npm ci` is not repeated: it is the step this checkout was installed with.
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execArgs, parseDockerfile, type DockerStage } from "@/tests/support/dockerfile";
import { provisionTestDatabase } from "@/tests/support/test-database";

const PORT = 3450;
const say = (message: string) => console.log(`[check:image] ${message}`);

function stageEnv(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.instructions.filter((i) => i.keyword === "ENV")) {
    for (const [, name, value] of args.matchAll(/(\w+)=("[^"]*"|\S*)/g)) env[name!] = value!.replace(/^"|"$/g, "");
  }
  return env;
}

const stages = parseDockerfile(await readFile("Dockerfile", "utf8"));
const runtime = stages.at(-1)!;
for (const stage of stages.slice(0, -1)) {
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== "RUN" || args.startsWith("npm ci")) continue;
    say(`${stage.name}: RUN ${args}`);
    const result = spawnSync("sh", ["-c", args], { stdio: "inherit", env: { ...process.env, ...stageEnv(stage) } });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const imageDir = await mkdtemp(path.join(os.tmpdir(), "agenthq-image-"));
for (const { keyword, args } of runtime.instructions) {
  const copy = /^--from=build \/app\/(\S+) (\S+)$/.exec(args);
  if (keyword !== "COPY" || !copy) continue;
  const [, source, destination] = copy;
  await mkdir(path.dirname(path.join(imageDir, destination!)), { recursive: true });
  await cp(source!, path.join(imageDir, destination!), { recursive: true });
}
await mkdir(path.join(imageDir, ".next/cache"), { recursive: true });
say(`runtime stage laid out in ${imageDir}`);

const database = await provisionTestDatabase("image", 54379);
const [, ...command] = execArgs(runtime.instructions.find((i) => i.keyword === "CMD")!.args);
const server = spawn("sh", command, {
  cwd: imageDir,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    ...stageEnv(runtime),
    PORT: String(PORT),
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "image-check-only-secret",
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    LOG_LEVEL: "warn",
  },
});
const healthcheck = execArgs(runtime.instructions.find((i) => i.keyword === "HEALTHCHECK")!.args.replace(/^.*?CMD /, ""));

let ok = false;
try {
  for (let i = 0; i < 120 && !ok; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode !== null) throw new Error(`the image's CMD exited with ${server.exitCode}`);
    ok = spawnSync(healthcheck[0]!, healthcheck.slice(1), { env: { ...process.env, PORT: String(PORT) } }).status === 0;
  }
  if (!ok) throw new Error("the HEALTHCHECK did not pass within 60 s");
  const landing = await fetch(`http://127.0.0.1:${PORT}/`);
  const ready = await fetch(`http://127.0.0.1:${PORT}/api/ready`);
  say(`HEALTHCHECK passed; GET / → ${landing.status}; GET /api/ready → ${ready.status}`);
  ok = landing.status === 200 && ready.status === 200;
} catch (error) {
  console.error(`[check:image] ${(error as Error).message}`);
  ok = false;
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await database.cleanup();
  await rm(imageDir, { recursive: true, force: true });
}
say(ok ? "the image's build and start work" : "FAILED");
process.exit(ok ? 0 : 1);
