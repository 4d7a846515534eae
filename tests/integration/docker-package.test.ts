// The self-hosting package (Dockerfile, docker-compose.yml, .env.example). CI has no Docker engine, so
// this checks what can be checked without one: the image is built by the npm scripts CI runs, in the
// same order; it runs as a non-root user with a working health check; the commands it bundles run on
// plain node, without node_modules, against a real database; the compose file wires app, worker,
// PostgreSQL and Redis; and every setting is documented in .env.example.
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createScratchDatabase, dropScratchDatabase } from "../support/databases";
import { execArgs, parseDockerfile, type DockerStage } from "../support/dockerfile";
import { parseSimpleYaml, type YamlValue } from "../support/simple-yaml";

const read = (file: string) => readFile(path.resolve(file), "utf8");
const stages = parseDockerfile(await read("Dockerfile"));
const runtime = stages.at(-1)!;
const compose = parseSimpleYaml(await read("docker-compose.yml")) as { services: Record<string, Record<string, YamlValue>> };
const packageScripts = (JSON.parse(await read("package.json")) as { scripts: Record<string, string> }).scripts;
const envSchemaKeys = [...(await read("config/env.ts")).matchAll(/^\s+([A-Z][A-Z0-9_]*): /gm)].map((m) => m[1]!);
const envExample = await read(".env.example");
const ciScript = await read(".ci/run");
const exampleKeys = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

/** What CI runs before its tests start the built app: `npm ci` (its postinstall generates the Prisma client), then the build. */
const CI_SEQUENCE = ["npm ci", "npm run postinstall", "npm run build"];

const instructions = (stage: DockerStage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const allRuns = stages.flatMap((s) => instructions(s, "RUN").map((i) => i.args));
const bundleRun = allRuns.find((r) => r.startsWith("node scripts/bundle-scripts.mjs"));
const imageServices = Object.entries(compose.services).filter(([, s]) => s.image === "agenthq:latest");

function envOf(service: Record<string, YamlValue>): Record<string, string> {
  return (service.environment ?? {}) as Record<string, string>;
}

describe("Dockerfile", () => {
  it("builds in stages on node:20-bookworm-slim and runs as a non-root user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const names = stages.map((s) => s.name);
    for (const stage of stages) expect(["node:20-bookworm-slim", ...names]).toContain(stage.base);
    expect(runtime.base).toBe("node:20-bookworm-slim");
    const user = instructions(runtime, "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(["root", "0", "0:0"]).not.toContain(user);
  });

  it("runs the npm scripts CI runs, in the same order, and only scripts that exist", () => {
    // The image skips dependencies' install scripts (see the Dockerfile); the commands are the same.
    const npmCommands = allRuns.filter((r) => r.startsWith("npm ")).map((r) => r.replace(/ --ignore-scripts$/, ""));
    expect(npmCommands).toEqual(CI_SEQUENCE);
    for (const command of npmCommands.filter((c) => c.startsWith("npm run "))) {
      expect(packageScripts).toHaveProperty(command.slice("npm run ".length));
    }
    expect(ciScript).toMatch(/^\s*npm ci\b/m);
  });

  it("builds Next.js's standalone output, which next.config.ts turns on only when asked", async () => {
    const buildStage = stages.find((s) => instructions(s, "RUN").some((i) => i.args === "npm run build"))!;
    expect(instructions(buildStage, "ENV").map((i) => i.args)).toContain("NEXT_OUTPUT=standalone");
    vi.stubEnv("NEXT_OUTPUT", "standalone");
    vi.resetModules();
    expect((await import("@/next.config")).default.output).toBe("standalone");
    vi.stubEnv("NEXT_OUTPUT", "");
    vi.resetModules();
    // `npm start` serves with `next start`, which is not meant for standalone output.
    expect((await import("@/next.config")).default.output).toBeUndefined();
    vi.unstubAllEnvs();
  });

  it("copies the server, its static files, the migrations and the bundled commands into the runtime stage", () => {
    const copies = instructions(runtime, "COPY").map((i) => i.args);
    for (const expected of [
      "--from=build /app/.next/standalone ./",
      "--from=build /app/.next/static ./.next/static",
      "--from=build /app/prisma/migrations ./prisma/migrations",
      `--from=build /app/${bundleRun?.split(" ").at(-1)} ./scripts`,
      "--from=build /app/lib/http/peer-address-preload.cjs ./peer-address-preload.cjs",
    ]) {
      expect(copies).toContain(expected);
    }
    expect(execArgs(instructions(runtime, "CMD").at(-1)!.args).join(" ")).toMatch(/node scripts\/migrate\.mjs && exec node server\.js/);
    // Every node process of the image stamps requests with their socket's address (per-IP limits).
    expect(
      instructions(runtime, "ENV")
        .map((i) => i.args)
        .join(" "),
    ).toContain('NODE_OPTIONS="--require ./peer-address-preload.cjs"');
  });

  it("copies every file the code reads from the working directory at run time", async () => {
    const destinations = instructions(runtime, "COPY").map((i) => i.args.split(" ").at(-1)!.replace(/^\.\//, ""));
    const readPaths = new Set<string>();
    for (const dir of ["app", "lib"]) {
      for (const file of (await readdir(dir, { recursive: true })).filter((f) => /\.tsx?$/.test(f) && !f.startsWith("generated"))) {
        for (const match of (await read(path.join(dir, file))).matchAll(/process\.cwd\(\),\s*"([^"]+)"/g)) readPaths.add(match[1]!);
      }
    }
    expect(readPaths).toContain("prisma/migrations");
    for (const needed of readPaths)
      expect(
        destinations.some((d) => needed === d || needed.startsWith(`${d}/`)),
        needed,
      ).toBe(true);
  });

  it("has a health check that asks /api/health with node (slim images have no curl)", async () => {
    const healthcheck = instructions(runtime, "HEALTHCHECK").at(-1)?.args ?? "";
    const command = execArgs(healthcheck.slice(healthcheck.indexOf("CMD ") + 4));
    expect(command.slice(0, 2)).toEqual(["node", "-e"]);
    expect(
      instructions(runtime, "ENV")
        .map((i) => i.args)
        .join(" "),
    ).toMatch(/\bPORT=3000\b/);

    let status = 200;
    const server = createServer((req, res) => res.writeHead(req.url === "/api/health" ? status : 404).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = String((server.address() as AddressInfo).port);
    const probe = () =>
      new Promise<number | null>((resolve) => {
        spawn(command[0]!, command.slice(1), { env: { ...process.env, PORT: port } }).on("exit", resolve);
      });
    try {
      expect(await probe()).toBe(0);
      status = 503;
      expect(await probe()).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe("the bundled commands of the image", () => {
  const serverUrl = process.env.TEST_SERVER_DATABASE_URL!;
  let imageDir = "";
  let databaseUrl = "";
  afterAll(async () => {
    if (databaseUrl) await dropScratchDatabase(serverUrl, databaseUrl);
    if (imageDir) await rm(imageDir, { recursive: true, force: true });
  });

  const runNode = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, args, { cwd: imageDir, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, ...env } });

  it("bundle and run on plain node, without node_modules: migrate, worker, demo seed and admin", async () => {
    // Laid out as in the runtime stage, in a directory with no node_modules above it.
    imageDir = await mkdtemp(path.join(os.tmpdir(), "agenthq-image-"));
    expect(bundleRun).toBeDefined();
    const outdir = path.join(imageDir, "scripts");
    const bundle = spawnSync(process.execPath, ["scripts/bundle-scripts.mjs", outdir], { encoding: "utf8" });
    expect(bundle.status, bundle.stderr).toBe(0);
    await cp("prisma/migrations", path.join(imageDir, "prisma/migrations"), { recursive: true });
    databaseUrl = await createScratchDatabase(serverUrl, "image");

    const first = runNode(["scripts/migrate.mjs"]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\)/);
    expect(runNode(["scripts/migrate.mjs"]).stdout).toMatch(/^Database is up to date/);

    const worker = spawn(process.execPath, ["scripts/worker.mjs"], {
      cwd: imageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info", RUN_WORKERS: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => worker.on("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("run worker started") && resolve());
      exited.then(() => reject(new Error("the worker exited before it started")));
    });
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);

    const seed = runNode(["scripts/demo-seed.mjs"]);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toContain("Demo workspace ready.");
    const admin = runNode(["scripts/admin.mjs", "set-tier", "demo", "pro"]);
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.stdout).toContain("demo: starter → pro");
  }, 90_000);
});

describe("docker-compose.yml", () => {
  it("runs migrations once, then the app (no in-process workers) and a worker, on PostgreSQL 16 and Redis 7", () => {
    const { app, worker, migrate, postgres, redis } = compose.services;
    expect(app && worker && migrate && postgres && redis).toBeTruthy();
    expect(migrate!.command).toEqual(["node", "scripts/migrate.mjs"]);
    expect(worker!.command).toEqual(["node", "scripts/worker.mjs"]);
    expect(app!.command).toEqual(["node", "server.js"]);
    expect(envOf(app!).RUN_WORKERS).toBe("0");
    expect(app!.ports).toContain("3000:3000");
    for (const service of [app!, worker!]) {
      expect(service.depends_on).toMatchObject({ migrate: { condition: "service_completed_successfully" } });
    }
    // The image's health check asks the web server, which only the app runs.
    expect(worker!.healthcheck).toEqual({ disable: "true" });
    expect(migrate!.healthcheck).toEqual({ disable: "true" });

    expect(postgres!.image).toBe("postgres:16");
    expect(postgres!.healthcheck).toBeDefined();
    expect((postgres!.volumes as string[]).some((v) => v.endsWith(":/var/lib/postgresql/data"))).toBe(true);
    expect(redis!.image).toBe("redis:7");
  });

  it("points the app at the compose file's own PostgreSQL and Redis", () => {
    const database = envOf(compose.services.postgres!);
    for (const [, service] of imageServices) {
      const url = new URL(envOf(service).DATABASE_URL!.replace(/\$\{POSTGRES_PASSWORD:-[^}]*\}/, "secret"));
      expect(url.hostname).toBe("postgres");
      expect(url.username).toBe(database.POSTGRES_USER);
      expect(url.pathname).toBe(`/${database.POSTGRES_DB}`);
      expect(envOf(service).REDIS_URL).toBe("redis://redis:6379");
    }
  });

  it("passes only settings the app knows, and documents every variable it reads from .env", async () => {
    for (const [, service] of imageServices) {
      for (const name of Object.keys(envOf(service))) expect(envSchemaKeys).toContain(name);
    }
    const interpolated = [...(await read("docker-compose.yml")).matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!);
    for (const name of interpolated) expect([...exampleKeys]).toContain(name);
    const buildArgs = Object.keys((compose.services.app!.build as { args: Record<string, string> }).args);
    const declaredArgs = stages.flatMap((s) => instructions(s, "ARG").map((i) => i.args.split("=")[0]));
    for (const name of buildArgs) expect(declaredArgs).toContain(name);
  });
});

describe(".env.example", () => {
  it("documents every variable of config/env.ts", () => {
    expect(envSchemaKeys).toContain("DATABASE_URL");
    expect(envSchemaKeys.length).toBeGreaterThan(20);
    for (const name of envSchemaKeys) expect([...exampleKeys]).toContain(name);
  });

  it("gives each variable a comment and no secret a value", () => {
    const lines = envExample.split("\n");
    lines.forEach((line, index) => {
      if (/^#?\s*[A-Z][A-Z0-9_]*=/.test(line) && !/^#?\s*[A-Z][A-Z0-9_]*=/.test(lines[index - 1] ?? "")) {
        expect(lines[index - 1], `comment above ${line}`).toMatch(/^# /);
      }
      const [, name, value] = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line) ?? [];
      if (name && /SECRET|TOKEN|_KEY|PASSWORD/.test(name))
        expect(value === "" || value!.startsWith("change-me"), `${name} has a value`).toBe(true);
    });
  });
});
