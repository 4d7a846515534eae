// At most a few webhook syncs at a time per process. Each holds a database connection (and the workspace's
// row lock) while it asks Stripe for the subscription; without a cap, a burst of deliveries while Stripe is
// slow would take every connection of the pool and starve the API. Waiters queue here, in memory, instead.
const MAX_CONCURRENT_SYNCS = 4;

let running = 0;
const waiting: (() => void)[] = [];

export async function withSyncSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_SYNCS) await new Promise<void>((resolve) => waiting.push(resolve));
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
