// /pricing — the tiers with their limits side by side.
import type { Metadata } from "next";
import { Faq } from "@/components/marketing/faq";
import { LimitsComparison } from "@/components/marketing/limits-comparison";
import { PricingTable } from "@/components/marketing/pricing-table";
import { formatEveryTierIncludes } from "@/lib/tiers/format-limit";
import { FAQ_ITEMS } from "../faq-items";

export const metadata: Metadata = { title: "Pricing" };

export default function PricingPage() {
  return (
    <div className="mx-auto max-w-6xl px-6 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Pricing</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">
        Every tier includes {formatEveryTierIncludes()}. Limits are hard: you will never be billed for more than your tier allows.
      </p>
      <div className="mt-10">
        <PricingTable />
      </div>
      <h2 className="mt-16 text-2xl font-bold">Compare limits</h2>
      <div className="mt-6">
        <LimitsComparison />
      </div>
      <h2 className="mt-16 text-2xl font-bold">Questions</h2>
      <div className="mt-6 max-w-3xl">
        <Faq items={FAQ_ITEMS} />
      </div>
    </div>
  );
}
