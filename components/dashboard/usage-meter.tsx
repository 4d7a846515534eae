// A labelled progress bar of usage against a limit.
const numbers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

interface UsageMeterProps {
  label: string;
  used: number;
  limit: number | null;
  unit: string;
  /** How to show an amount (default: a number followed by the unit). */
  format?: (n: number) => string;
  /** A line under the bar, e.g. what is included below the cap. */
  note?: string;
}

export function UsageMeter({ label, used, limit, unit, format, note }: UsageMeterProps) {
  const share = limit ? Math.min(1, used / limit) : 0;
  const color = share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div className="rounded-lg border border-slate-200 p-4" data-testid={`usage-${label}`}>
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-slate-600">
          {format
            ? `${format(used)}${limit === null ? "" : ` of ${format(limit)}`}`
            : `${numbers.format(used)} ${limit === null ? unit : `of ${numbers.format(limit)} ${unit}`}`}
        </span>
      </div>
      {limit !== null && (
        <div
          className="mt-2 h-2 rounded-full bg-slate-100"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={used}
        >
          <div className={`h-2 rounded-full ${color}`} style={{ width: `${Math.max(share * 100, used > 0 ? 1 : 0)}%` }} />
        </div>
      )}
      {note && <p className="mt-2 text-xs text-slate-500">{note}</p>}
    </div>
  );
}
