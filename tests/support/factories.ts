// Test data with unique emails and slugs, so test files can share one database.
import { signUp } from "@/lib/users/sign-up";
import { TEST_PASSWORD, uniqueEmail } from "./ids";

export { TEST_PASSWORD, uniqueEmail, uniqueSlug } from "./ids";

export function createUser(label = "user") {
  return signUp({ email: uniqueEmail(label), password: TEST_PASSWORD, name: `Test ${label}` });
}
