const STYLES: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-blue-100 text-blue-800",
  succeeded: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
  canceled: "bg-amber-100 text-amber-800",
};

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="run-status"
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[status] ?? STYLES.queued}`}
    >
      {status}
    </span>
  );
}
