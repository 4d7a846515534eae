import { describe, it } from "vitest";
import { expectCountdownAndIsolation, expectExactAdmission, expectNewWindowAdmitsAgain } from "@/tests/support/rate-limit-checks";
import { MemoryBackend } from "./memory-backend";

describe("in-memory rate limits", () => {
  it("admits exactly min(N, L) of N concurrent requests", () => expectExactAdmission(new MemoryBackend(), 150, 60));
  it("counts down and keeps identifiers apart", () => expectCountdownAndIsolation(new MemoryBackend()));
  it("admits again in a new window", () => expectNewWindowAdmitsAgain(new MemoryBackend()));
});
