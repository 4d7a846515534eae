/** What each next-auth error code means to the person logging in. */
export const LOGIN_ERRORS: Record<string, string> = {
  AccountLocked: "Your account is locked for 15 minutes after too many failed attempts. We emailed you a link to unlock it now.",
  RateLimited: "Too many log-in attempts. Wait a few minutes and try again.",
  default: "Email or password is incorrect.",
};
