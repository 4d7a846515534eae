import { afterEach, describe, expect, it, vi } from "vitest";

const signOut = vi.fn(async (_options?: { redirect?: boolean; callbackUrl?: string }) => ({ url: "http://nextauth-url.example/login" }));
vi.mock("next-auth/react", () => ({ signOut }));
const { signOutHere } = await import("./sign-out-here");

describe("signing out", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("ends the session without next-auth's redirect, then goes to /login on the same host", async () => {
    const assign = vi.fn();
    vi.stubGlobal("window", { location: { assign } });
    await signOutHere();
    expect(signOut).toHaveBeenCalledWith({ redirect: false });
    expect(assign).toHaveBeenCalledWith("/login");
  });
});
