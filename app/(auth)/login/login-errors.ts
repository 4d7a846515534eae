/** What each next-auth error code means to the person logging in. */
export const LOGIN_ERRORS: Record<string, string> = {
  AccountLocked: "Your account is locked for 15 minutes after too many failed attempts. We emailed you a link to unlock it now.",
  RateLimited: "Too many log-in attempts. Wait a few minutes and try again.",
  OAuthAccountNotLinked:
    "An account with this email exists but its email is not verified yet. Log in with your password first; you can connect GitHub or Google afterwards.",
  OAuthEmailUnverified: "Your provider has not verified this email address. Verify it there, or sign up with email and password.",
  default: "Email or password is incorrect.",
};
