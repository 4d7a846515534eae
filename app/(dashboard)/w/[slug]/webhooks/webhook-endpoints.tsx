"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/webhook-schemas";

const STATUS_STYLE: Record<string, string> = {
  delivered: "bg-green-100 text-green-800",
  pending: "bg-slate-100 text-slate-700",
  failed: "bg-red-100 text-red-800",
};
const time = (iso: string) => new Date(iso).toLocaleString("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "medium" });

function Deliveries({
  slug,
  deliveries,
  onChange,
}: {
  slug: string;
  deliveries: WebhookDeliveryView[];
  onChange: (message: string) => void;
}) {
  if (deliveries.length === 0) return <p className="mt-2 text-sm text-slate-500">No deliveries yet.</p>;
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm" data-testid="webhook-deliveries">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Event</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1 pr-3">Response</th>
            <th className="py-1 pr-3">Latency</th>
            <th className="py-1 pr-3">Attempts</th>
            <th className="py-1 pr-3">Created (UTC)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} className="border-t border-slate-100">
              <td className="py-2 pr-3 font-mono text-xs">{d.eventType}</td>
              <td className="py-2 pr-3">
                <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[d.status]}`}>{d.status}</span>
              </td>
              <td className="py-2 pr-3 tabular-nums" title={d.lastError}>
                {d.lastStatusCode ?? (d.lastError ? "error" : "—")}
              </td>
              <td className="py-2 pr-3 tabular-nums">{d.lastLatencyMs === undefined ? "—" : `${d.lastLatencyMs} ms`}</td>
              <td className="py-2 pr-3 tabular-nums">{d.attempts}</td>
              <td className="py-2 pr-3 text-xs">{time(d.createdAt)}</td>
              <td className="py-2 text-right">
                <button
                  type="button"
                  className="text-brand-700 hover:underline"
                  onClick={async () => {
                    const result = await apiRequest("POST", `/api/workspaces/${slug}/webhooks/deliveries/${d.id}/resend`);
                    onChange(result.ok ? "Delivery queued again." : (result.problem.detail ?? "Could not resend."));
                  }}
                >
                  Resend
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WebhookEndpoints({
  slug,
  endpoints,
  deliveries,
  eventTypes,
}: {
  slug: string;
  endpoints: WebhookEndpointView[];
  deliveries: Record<string, WebhookDeliveryView[]>;
  eventTypes: string[];
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  const [pending, setPending] = useState(false);
  const changed = (message: string) => {
    setStatus(message);
    router.refresh();
  };

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const description = String(data.get("description") ?? "").trim();
    setPending(true);
    const result = await apiRequest<{ url: string; secret: string }>("POST", `/api/workspaces/${slug}/webhooks`, {
      url: String(data.get("url") ?? ""),
      events: data.getAll("events").map(String),
      ...(description && { description }),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromProblem(result.problem));
      return setAlert(result.problem.detail);
    }
    setErrors({});
    setAlert(undefined);
    setSecret({ url: result.data.url, secret: result.data.secret });
    form.reset();
    router.refresh();
  }

  const act = async (method: string, url: string, done: string) => {
    const result = await apiRequest(method, url);
    changed(result.ok ? done : (result.problem.detail ?? "That did not work."));
  };

  return (
    <div className="mt-6 space-y-8">
      {status && (
        <p role="status" className="rounded-md bg-slate-50 p-3 text-sm">
          {status}
        </p>
      )}
      {secret && (
        <div role="status" className="rounded-xl border border-green-200 bg-green-50 p-4 text-sm" data-testid="webhook-secret">
          <p className="font-semibold">Endpoint added. Its signing secret, shown only now:</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs">{secret.secret}</code>
          <p className="mt-2 text-slate-600">Verify each delivery to {secret.url} with it: new Webhook(secret).verify(body, headers).</p>
        </div>
      )}
      <section className="max-w-2xl">
        <h2 className="text-lg font-semibold">Add an endpoint</h2>
        <form onSubmit={onCreate} noValidate className="mt-3 space-y-3">
          {alert && <FormAlert>{alert}</FormAlert>}
          <TextField label="URL" name="url" placeholder="https://example.com/agenthq/webhooks" error={errors.url} autoComplete="off" />
          <TextField label="Description (optional)" name="description" error={errors.description} autoComplete="off" />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Events</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {eventTypes.map((type) => (
                <label key={type} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="events" value={type} defaultChecked={type.startsWith("run.")} />
                  <code className="font-mono text-xs">{type}</code>
                </label>
              ))}
            </div>
            {errors.events && (
              <p role="alert" className="mt-1 text-sm text-red-600">
                {errors.events}
              </p>
            )}
          </fieldset>
          <SubmitButton pending={pending} pendingLabel="Adding…" fullWidth={false}>
            Add endpoint
          </SubmitButton>
        </form>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Endpoints</h2>
        {endpoints.length === 0 && <p className="mt-2 text-sm text-slate-600">None yet.</p>}
        <ul className="mt-3 space-y-4">
          {endpoints.map((e) => (
            <li key={e.id} className="rounded-xl border border-slate-200 p-4" data-testid="webhook-endpoint">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="break-all font-mono text-sm font-semibold">{e.url}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {e.events.join(", ")}
                    {e.description && ` · ${e.description}`}
                  </p>
                  {e.disabledAt && (
                    <p className="mt-1 text-sm text-red-700">
                      Disabled {time(e.disabledAt)}: {e.disabledReason}
                    </p>
                  )}
                </div>
                <div className="flex flex-wrap gap-2 text-sm">
                  {e.disabledAt ? (
                    <button
                      type="button"
                      className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50"
                      onClick={() => act("POST", `/api/workspaces/${slug}/webhooks/${e.id}/enable`, "Endpoint enabled.")}
                    >
                      Enable
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50"
                      onClick={() => act("POST", `/api/workspaces/${slug}/webhooks/${e.id}/test`, "Test event queued.")}
                    >
                      Send test event
                    </button>
                  )}
                  <ConfirmButton
                    title="Delete this endpoint?"
                    description={`${e.url} stops receiving events, and its delivery history goes with it.`}
                    confirmLabel="Delete endpoint"
                    onConfirm={() => act("DELETE", `/api/workspaces/${slug}/webhooks/${e.id}`, "Endpoint deleted.")}
                    className="rounded-md border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50"
                  >
                    Delete
                  </ConfirmButton>
                </div>
              </div>
              <Deliveries slug={slug} deliveries={deliveries[e.id] ?? []} onChange={changed} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
