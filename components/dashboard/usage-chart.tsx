"use client";

// A day-by-day bar chart of one usage metric over the whole billing period (Recharts): axes, a tooltip
// with the day's exact value, and the period's total in the caption. Loaded only by the usage page.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/spend/money";

export type UsageUnit = "usd-micros" | "count" | "seconds-as-minutes";

const count = new Intl.NumberFormat("en-US");
const minutes = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
// Two significant digits keep an axis's ticks apart whatever the scale: 0.00072, 450, 1.5M.
const axisNumber = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 2 });

const formats: Record<UsageUnit, { exact: (n: number) => string; axis: (n: number) => string; scale: (n: number) => number }> = {
  "usd-micros": { exact: formatUsd, axis: (n) => `$${axisNumber.format(n / 1_000_000)}`, scale: (n) => n },
  count: { exact: (n) => count.format(n), axis: (n) => axisNumber.format(n), scale: (n) => n },
  // Agent time is metered in seconds and limited in minutes: plotted in minutes.
  "seconds-as-minutes": { exact: (n) => `${minutes.format(n)} min`, axis: (n) => axisNumber.format(n), scale: (n) => n / 60 },
};

export function UsageChart({ title, unit, points }: { title: string; unit: UsageUnit; points: { day: string; value: number }[] }) {
  const format = formats[unit];
  const data = points.map((p) => ({ day: p.day, value: format.scale(p.value) }));
  const total = data.reduce((sum, p) => sum + p.value, 0);
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 p-4" data-testid="usage-chart">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="tabular-nums text-slate-600">{format.exact(total)} this period</span>
      </figcaption>
      <div className="mt-3 h-44" role="img" aria-label={`${title} per day: ${format.exact(total)} in the period`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => day.slice(8)}
              tick={{ fontSize: 11, fill: "#64748b" }}
              tickLine={false}
              axisLine={{ stroke: "#cbd5e1" }}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis
              tickFormatter={format.axis}
              tick={{ fontSize: 11, fill: "#64748b" }}
              tickLine={false}
              axisLine={false}
              width={44}
              allowDecimals={unit !== "count"}
            />
            <Tooltip
              cursor={{ fill: "#eef4ff" }}
              formatter={(value) => [format.exact(Number(value)), title]}
              labelFormatter={(day) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}
            />
            <Bar dataKey="value" fill="#3b5bdb" radius={[3, 3, 0, 0]} maxBarSize={24} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
