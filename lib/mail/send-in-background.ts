// Mail that an answer must not wait for: whether it is sent (an account exists) or slow or failing (the
// mail server) would otherwise show in the answer's time or status. Failures are logged, never thrown.
import { describeError, logger } from "@/lib/log/logger";

export function sendInBackground(what: string, send: () => Promise<unknown>): void {
  void send().catch((error) => logger.error("could not send an email", { what, ...describeError(error) }));
}
