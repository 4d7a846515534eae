// Prisma CLI configuration. The CLI is used only for `prisma generate`; migrations are applied by
// our own offline command (npm run db:migrate), see lib/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
