// Test data with unique emails and slugs, so test files can share one database.
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/users/sign-up";

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@example.test`;
export const uniqueSlug = (label = "ws") => `${label}-${randomBytes(4).toString("hex")}`;
export const TEST_PASSWORD = "test-Password-4242";

export function createUser(label = "user") {
  return signUp({ email: uniqueEmail(label), password: TEST_PASSWORD, name: `Test ${label}` });
}
