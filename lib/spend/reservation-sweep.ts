// Every run worker releases, once a minute, spend reservations whose lease ran out: a worker that died
// mid-turn must not hold a workspace's budget for the rest of the month. A retried run releases its dead
// attempt's reservations at once (execute-run.ts); this catches those never retried.
import { describeError, logger } from "@/lib/log/logger";
import { releaseExpiredReservations } from "./spend-ledger";

const SWEEP_INTERVAL_MS = 60_000;

export function startReservationSweep(): () => void {
  const sweep = async () => {
    try {
      const released = await releaseExpiredReservations();
      if (released > 0) logger.warn("released expired spend reservations", { released });
    } catch (error) {
      logger.error("reservation sweep failed", describeError(error));
    }
  };
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
