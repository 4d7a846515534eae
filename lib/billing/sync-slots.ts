// At most a few webhook syncs at a time per process. Each holds a database connection (and the workspace's
// billing lock) while it asks Stripe for the subscription; without a cap, a burst of deliveries while Stripe is
// slow would take every connection of the pool and starve the API. Waiters queue here, in memory, instead.
// A delivery that waits longer than MAX_WAIT_MS gets a 503, and Stripe delivers it again later.
import { AppError } from "@/lib/errors/app-error";

const MAX_CONCURRENT_SYNCS = 4;
const MAX_WAIT_MS = 10_000;

let running = 0;
const waiting: (() => void)[] = [];

function waitForSlot(maxWaitMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const take = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(take), 1);
      reject(
        new AppError("unavailable", "Busy applying other billing events; deliver this one again.", { headers: { "retry-after": "30" } }),
      );
    }, maxWaitMs);
    waiting.push(take);
  });
}

export async function withSyncSlot<T>(work: () => Promise<T>, maxWaitMs = MAX_WAIT_MS): Promise<T> {
  if (running >= MAX_CONCURRENT_SYNCS) await waitForSlot(maxWaitMs);
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
