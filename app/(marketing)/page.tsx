// The landing page: what AgentHQ is, its agents, pricing, FAQ. Server-rendered, no client JavaScript.
import { AgentGrid } from "@/components/marketing/agent-grid";
import { Faq } from "@/components/marketing/faq";
import { PricingTable } from "@/components/marketing/pricing-table";
import { ButtonLink } from "@/components/ui/button-link";
import { AGENTS } from "@/lib/agents/catalog";
import { formatEveryTierIncludes } from "@/lib/tiers/format-limit";
import { FAQ_ITEMS } from "./faq-items";

const FEATURES = [
  {
    title: "One API for every agent",
    body: "Start a run with one POST, follow it live over server-sent events, fetch the result when it is done.",
  },
  {
    title: "Isolated workspaces",
    body: "Teams, roles and API keys per workspace. Nothing crosses between workspaces, enforced down to the database.",
  },
  {
    title: "Costs that cannot spiral",
    body: "Rate limits per tier, exact metering of calls and agent-minutes, hard caps with automatic pause.",
  },
  { title: "Watch runs live", body: "Status, logs and output stream to the dashboard as the agent works, on any number of app instances." },
];

export default function LandingPage() {
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-4xl px-6 py-20 text-center sm:py-28">
          <h1 className="text-4xl font-bold tracking-tight sm:text-6xl">Run specialized AI agents, safely, at scale</h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg text-slate-700">
            AgentHQ gives your product {AGENTS.length} ready-made agents behind one HTTP API, with isolated workspaces, live runs, and hard
            limits so no one runs up costs.
          </p>
          <div className="mt-8 flex justify-center gap-3">
            <ButtonLink href="/signup">Start free</ButtonLink>
            <ButtonLink href="/pricing" variant="secondary">
              See pricing
            </ButtonLink>
          </div>
        </div>
      </section>

      <section aria-labelledby="what" className="mx-auto max-w-6xl px-6 py-16">
        <h2 id="what" className="text-2xl font-bold">
          What AgentHQ does
        </h2>
        <div className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((f) => (
            <div key={f.title}>
              <h3 className="font-semibold">{f.title}</h3>
              <p className="mt-2 text-sm text-slate-700">{f.body}</p>
            </div>
          ))}
        </div>
      </section>

      <section id="agents" aria-labelledby="agents-title" className="bg-slate-50">
        <div className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="agents-title" className="text-2xl font-bold">
            The agents
          </h2>
          <p className="mt-2 text-slate-700">Each agent is tuned for one job, with its own tools, turn limit and time limit.</p>
          <div className="mt-8">
            <AgentGrid />
          </div>
        </div>
      </section>

      <section id="pricing" aria-labelledby="pricing-title" className="mx-auto max-w-6xl px-6 py-16">
        <h2 id="pricing-title" className="text-2xl font-bold">
          Pricing
        </h2>
        <p className="mt-2 text-slate-700">
          Start free. Upgrade when you need more; every tier has hard limits, and includes {formatEveryTierIncludes()}.
        </p>
        <div className="mt-8">
          <PricingTable />
        </div>
      </section>

      <section id="faq" aria-labelledby="faq-title" className="mx-auto max-w-3xl px-6 py-16">
        <h2 id="faq-title" className="text-2xl font-bold">
          Questions
        </h2>
        <div className="mt-6">
          <Faq items={FAQ_ITEMS} />
        </div>
      </section>

      <section className="bg-brand-900 text-white">
        <div className="mx-auto max-w-4xl px-6 py-16 text-center">
          <h2 className="text-3xl font-bold">Ship your first agent today</h2>
          <p className="mt-3 text-brand-100">Free to start. No credit card.</p>
          <div className="mt-6">
            <ButtonLink href="/signup" variant="secondary">
              Create your account
            </ButtonLink>
          </div>
        </div>
      </section>
    </>
  );
}
