// The workspace's usage state at a glance: paused, or past 80% / 100% of a quota (model budget: 50%, 80%,
// 100%) this period.
import Link from "next/link";
import { METRIC_NAMES } from "@/lib/usage/metric-names";

export function UsageBanner({ slug, paused, alerts }: { slug: string; paused: boolean; alerts: { metric: string; threshold: number }[] }) {
  const top = new Map<string, number>();
  for (const a of alerts) top.set(a.metric, Math.max(top.get(a.metric) ?? 0, a.threshold));
  if (!paused && top.size === 0) return null;
  const severe = paused || [...top.values()].some((t) => t >= 100);
  return (
    <div
      role="status"
      data-testid="usage-banner"
      className={`border-b px-6 py-2 text-sm ${severe ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
    >
      {paused
        ? "This workspace is paused: it reached its usage cap. It resumes with the next period or an upgrade. "
        : [...top]
            .map(([metric, t]) => `${t}% of this month's ${METRIC_NAMES[metric as keyof typeof METRIC_NAMES] ?? metric} used.`)
            .join(" ") + " "}
      <Link href={`/w/${slug}/usage`} className="font-medium underline">
        See usage
      </Link>
    </div>
  );
}
