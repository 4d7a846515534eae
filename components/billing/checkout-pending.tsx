"use client";

// After Stripe Checkout: the tier changes when Stripe's webhook arrives (usually within seconds), so the
// page refreshes itself for a while instead of asking the customer to reload.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_EVERY_MS = 2_000;
const GIVE_UP_AFTER_MS = 60_000;

export function CheckoutPending() {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > GIVE_UP_AFTER_MS) clearInterval(timer);
      else router.refresh();
    }, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p role="status" className="mt-6 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-900">
      Thanks! Your payment went through. The new tier appears here as soon as Stripe confirms it, usually within a few seconds.
    </p>
  );
}
