-- Tenant isolation in the database itself (defense in depth behind the domain functions).
--
-- The app connects with `role=agenthq_app`: a role that owns nothing and has no BYPASSRLS, so the
-- row-level security policies below apply to every query it makes. Each transaction names its tenant
-- with set_config('app.workspace_id', …, true) (and, for a user's own memberships, 'app.user_id');
-- without it, tenant tables read empty.

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('verify_email', 'reset_password', 'unlock_account');

-- CreateTable
CREATE TABLE "UserToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_idx" ON "UserToken"("userId");

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The application role. Roles are cluster-wide, so several databases on one server share it.
DO $$
BEGIN
  CREATE ROLE agenthq_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
GRANT agenthq_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO agenthq_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO agenthq_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO agenthq_app;
REVOKE ALL ON "_prisma_migrations" FROM agenthq_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO agenthq_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO agenthq_app;

-- The tenant of the current transaction, NULL when none is set.
CREATE FUNCTION app_current_workspace() RETURNS TEXT LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.workspace_id', true), '') $$;

CREATE FUNCTION app_current_user() RETURNS TEXT LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.user_id', true), '') $$;

-- Tables that belong to exactly one workspace.
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['Invitation', 'ApiKey', 'Subscription', 'Run', 'RunEvent', 'UsageEvent', 'UsageCounter', 'AuditLog'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("workspaceId" = app_current_workspace()) WITH CHECK ("workspaceId" = app_current_workspace())',
      t);
  END LOOP;
END
$$;

-- Memberships: a workspace's members, and (to list a user's workspaces) the user's own memberships.
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY membership_read ON "Membership" FOR SELECT
  USING ("workspaceId" = app_current_workspace() OR "userId" = app_current_user());
CREATE POLICY membership_insert ON "Membership" FOR INSERT
  WITH CHECK ("workspaceId" = app_current_workspace());
CREATE POLICY membership_update ON "Membership" FOR UPDATE
  USING ("workspaceId" = app_current_workspace()) WITH CHECK ("workspaceId" = app_current_workspace());
CREATE POLICY membership_delete ON "Membership" FOR DELETE
  USING ("workspaceId" = app_current_workspace());

-- Workspaces: the current one, and those the current user belongs to (read only).
ALTER TABLE "Workspace" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_read ON "Workspace" FOR SELECT
  USING (id = app_current_workspace()
         OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = "Workspace".id AND m."userId" = app_current_user()));
CREATE POLICY workspace_insert ON "Workspace" FOR INSERT WITH CHECK (id = app_current_workspace());
CREATE POLICY workspace_update ON "Workspace" FOR UPDATE
  USING (id = app_current_workspace()) WITH CHECK (id = app_current_workspace());
CREATE POLICY workspace_delete ON "Workspace" FOR DELETE USING (id = app_current_workspace());

-- System function: an invitation by the hash of its token, before its workspace is known (accepting
-- an invitation link). Runs with the owner's rights; returns only the one matching row.
CREATE FUNCTION app_invitation_by_token_hash(token_hash TEXT)
RETURNS TABLE (id TEXT, "workspaceId" TEXT, email TEXT, role "Role", "expiresAt" TIMESTAMP(3), "acceptedAt" TIMESTAMP(3), "revokedAt" TIMESTAMP(3))
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT i.id, i."workspaceId", i.email, i.role, i."expiresAt", i."acceptedAt", i."revokedAt"
     FROM "Invitation" i WHERE i."tokenHash" = token_hash $$;
REVOKE ALL ON FUNCTION app_invitation_by_token_hash(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_invitation_by_token_hash(TEXT) TO agenthq_app;
