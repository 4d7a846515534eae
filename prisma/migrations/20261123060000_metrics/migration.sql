-- Metrics: counts across all workspaces for GET /api/metrics, which queries as the app role and so sees
-- no tenant's rows without a workspace set. These system functions run with the owner's rights and
-- return only aggregate numbers, never a row.

-- System function: runs by status, every status listed (zero included) so the gauge keeps its series.
CREATE FUNCTION app_run_status_counts()
RETURNS TABLE (status TEXT, runs BIGINT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT s.status::TEXT, count(r.id)
     FROM unnest(enum_range(NULL::"RunStatus")) AS s(status)
     LEFT JOIN "Run" r ON r.status = s.status
    GROUP BY s.status $$;
REVOKE ALL ON FUNCTION app_run_status_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_run_status_counts() TO agenthq_app;

-- System function: paused workspaces by reason (quota, …).
CREATE FUNCTION app_paused_workspace_counts()
RETURNS TABLE (reason TEXT, workspaces BIGINT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT COALESCE(w."pausedReason", 'unspecified'), count(*)
     FROM "Workspace" w
    WHERE w.status = 'paused'
    GROUP BY 1 $$;
REVOKE ALL ON FUNCTION app_paused_workspace_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_paused_workspace_counts() TO agenthq_app;
