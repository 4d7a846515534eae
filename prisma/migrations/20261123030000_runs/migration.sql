-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "provider" TEXT,
ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3);

-- Run events reach every app instance's live streams through NOTIFY (see lib/runs/run-events.ts).
CREATE FUNCTION app_notify_run_event() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  PERFORM pg_notify('run_events', json_build_object('runId', NEW."runId", 'id', NEW.id)::text);
  RETURN NEW;
END
$$;

CREATE TRIGGER "RunEvent_notify" AFTER INSERT ON "RunEvent" FOR EACH ROW EXECUTE FUNCTION app_notify_run_event();
