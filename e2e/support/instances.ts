// The app instances the suite runs (see playwright.config.ts): the main one, a second one sharing its
// database and Redis, and one on the in-memory rate limiter.
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const MAIN_INSTANCE = `http://localhost:${E2E_PORT}`;
export const SECOND_INSTANCE = `http://localhost:${E2E_PORT + 1}`;
export const MEMORY_INSTANCE = `http://localhost:${E2E_PORT + 2}`;
export const SHARED_REDIS = Boolean(process.env.TEST_REDIS_URL);

/** The local stand-in of Stripe's API (tests/support/stripe-stand-in.ts) and the billing settings the main
 * and second instances run with; the memory instance runs with billing off. */
export const STRIPE_STAND_IN = `http://127.0.0.1:${E2E_PORT + 99}`;
export const E2E_STRIPE = {
  STRIPE_SECRET_KEY: "sk_test_e2e_stand_in",
  STRIPE_WEBHOOK_SECRET: "whsec_e2e_stand_in",
  STRIPE_PRICE_STARTER: "price_e2e_starter",
  STRIPE_PRICE_PRO: "price_e2e_pro",
  STRIPE_API_BASE: STRIPE_STAND_IN,
};
