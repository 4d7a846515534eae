// Stripe failures as the app's errors: Stripe being unreachable or overloaded is a 503 the caller can retry.
import Stripe from "stripe";
import { AppError } from "@/lib/errors/app-error";

export function isTransientStripeError(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  );
}

export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isTransientStripeError(error)) {
      throw new AppError("unavailable", "Stripe could not be reached. Try again in a minute.", { headers: { "retry-after": "30" } });
    }
    throw error;
  }
}

export function isMissingResource(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";
}
