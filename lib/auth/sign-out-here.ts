// Logging out in the browser, back to the login page of the host the person is on. next-auth's own
// redirect would not stay there: its redirect callback makes a relative callbackUrl absolute against
// NEXTAUTH_URL and replaces another origin with NEXTAUTH_URL's, so someone who came in as 127.0.0.1 or
// by a LAN address landed on NEXTAUTH_URL's host. The sign-out request itself is relative to this host.
import { signOut } from "next-auth/react";

export const AFTER_SIGN_OUT = "/login";

export async function signOutHere(): Promise<void> {
  await signOut({ redirect: false });
  // A full page load on purpose: nothing of the signed-in session may stay in the client router cache.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(AFTER_SIGN_OUT);
}
