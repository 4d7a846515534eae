-- CreateTable
CREATE TABLE "UsageAlert" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "metric" "UsageMetric" NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "threshold" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UsageAlert_workspaceId_metric_periodStart_threshold_key" ON "UsageAlert"("workspaceId", "metric", "periodStart", "threshold");

-- AddForeignKey
ALTER TABLE "UsageAlert" ADD CONSTRAINT "UsageAlert_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as for every tenant table.
ALTER TABLE "UsageAlert" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "UsageAlert"
  USING ("workspaceId" = app_current_workspace()) WITH CHECK ("workspaceId" = app_current_workspace());
