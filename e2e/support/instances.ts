// The app instances the suite runs (see playwright.config.ts): the main one, a second one sharing its
// database and Redis, and one on the in-memory rate limiter.
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const MAIN_INSTANCE = `http://localhost:${E2E_PORT}`;
export const SECOND_INSTANCE = `http://localhost:${E2E_PORT + 1}`;
export const MEMORY_INSTANCE = `http://localhost:${E2E_PORT + 2}`;
export const SHARED_REDIS = Boolean(process.env.TEST_REDIS_URL);
