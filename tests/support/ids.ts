// Unique test identities (no app imports, so tests can set the environment before loading the app).
import { randomBytes } from "node:crypto";

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@example.test`;
export const uniqueSlug = (label = "ws") => `${label}-${randomBytes(4).toString("hex")}`;
export const TEST_PASSWORD = "test-Password-4242";
