"use client";

// The quickstart checklist: each step ticks itself off from the workspace's real state (a key, a run, a
// finished run). The key made here is put into the snippets while it is shown, so they run as they are.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { apiRequest } from "@/lib/forms/api-request";

interface Snippets {
  curl: string;
  sdk: string;
}

function Step({ done, title, children }: { done: boolean; title: string; children?: React.ReactNode }) {
  return (
    <li className="flex gap-3" data-testid="quickstart-step" data-done={done}>
      <span
        aria-hidden
        className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${done ? "bg-green-600 text-white" : "border border-slate-300 text-slate-400"}`}
      >
        {done ? "✓" : ""}
      </span>
      <div className="min-w-0 flex-1">
        <p className={`font-medium ${done ? "text-slate-500 line-through" : ""}`}>
          {title}
          <span className="sr-only">{done ? " (done)" : " (to do)"}</span>
        </p>
        {children}
      </div>
    </li>
  );
}

function Snippet({ label, code }: { label: string; code: string }) {
  return (
    <div className="mt-2">
      <div className="flex justify-end">
        <CopyButton text={code} label={`Copy ${label}`} />
      </div>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{code}</pre>
    </div>
  );
}

export function Quickstart({
  slug,
  canCreateKey,
  steps,
  firstRun,
  placeholder,
  template,
}: {
  slug: string;
  canCreateKey: boolean;
  steps: { key: boolean; run: boolean; finished: boolean };
  firstRun?: { id: string; seconds: number };
  placeholder: Snippets;
  template: Snippets;
}) {
  const router = useRouter();
  const [key, setKey] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const snippets = key ? { curl: template.curl.replaceAll("__KEY__", key), sdk: template.sdk.replaceAll("__KEY__", key) } : placeholder;

  // Until the first run has finished, look again every few seconds: the steps tick themselves off.
  useEffect(() => {
    if (steps.finished) return;
    const timer = setInterval(() => router.refresh(), 3_000);
    return () => clearInterval(timer);
  }, [router, steps.finished]);

  async function createKey() {
    setPending(true);
    const result = await apiRequest<{ key: string }>("POST", `/api/workspaces/${slug}/keys`, { name: "Quickstart" });
    setPending(false);
    if (!result.ok) return setError(result.problem.detail);
    setKey(result.data.key);
    router.refresh();
  }

  return (
    <section className="mt-8 rounded-xl border border-brand-100 bg-brand-50 p-5" aria-labelledby="quickstart">
      <h2 id="quickstart" className="text-lg font-semibold">
        Quickstart: your first run in a minute
      </h2>
      <ol className="mt-4 space-y-5 text-sm">
        <Step done={steps.key || Boolean(key)} title="Create an API key">
          {key ? (
            <p className="mt-1 text-slate-700" role="status">
              Your key, shown only now (the snippets below use it):{" "}
              <code className="break-all font-mono" data-testid="quickstart-key">
                {key}
              </code>
            </p>
          ) : canCreateKey ? (
            <>
              {steps.key && (
                <p className="mt-1 text-slate-600">
                  This workspace has a key: use it as <code className="font-mono">$AGENTHQ_KEY</code>, or create one here to see it filled
                  in.
                </p>
              )}
              <button
                type="button"
                onClick={createKey}
                disabled={pending}
                className={`mt-2 rounded-md px-3 py-1.5 font-semibold disabled:opacity-60 ${
                  steps.key
                    ? "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
                    : "bg-brand-600 text-white hover:bg-brand-700"
                }`}
              >
                {pending ? "Creating…" : steps.key ? "Create another key" : "Create a key"}
              </button>
            </>
          ) : (
            <p className="mt-1 text-slate-600">Ask a member with editing rights for a key.</p>
          )}
          {error && (
            <p role="alert" className="mt-1 text-red-700">
              {error}
            </p>
          )}
        </Step>
        <Step done={steps.run} title="Start a run: paste this in a terminal">
          <Tabs defaultValue="curl" className="mt-2">
            <TabsList aria-label="Snippet language">
              <TabsTrigger value="curl">curl</TabsTrigger>
              <TabsTrigger value="sdk">TypeScript SDK</TabsTrigger>
            </TabsList>
            <TabsContent value="curl">
              <Snippet label="curl" code={snippets.curl} />
            </TabsContent>
            <TabsContent value="sdk">
              <Snippet label="TypeScript SDK" code={snippets.sdk} />
            </TabsContent>
          </Tabs>
        </Step>
        <Step done={steps.finished} title="See it finish">
          {firstRun ? (
            <p className="mt-1 font-medium text-green-800" role="status" data-testid="quickstart-done">
              It worked: your run finished in {firstRun.seconds} s.{" "}
              <a href={`/w/${slug}/runs/${firstRun.id}`} className="underline">
                Open it
              </a>{" "}
              to see its trace.
            </p>
          ) : (
            <p className="mt-1 text-slate-600">
              This list ticks itself off; the run appears under Latest runs below and on the Runs page, live.
            </p>
          )}
        </Step>
      </ol>
    </section>
  );
}
