// A small server-rendered SVG bar chart (no client JavaScript): one bar per day.
export function DailyBarChart({ title, points, format = String }: { title: string; points: { day: string; value: number }[]; format?: (n: number) => string }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const width = 600;
  const height = 120;
  const bar = width / Math.max(points.length, 1);
  return (
    <figure>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 16}`} className="mt-2 w-full" role="img" aria-label={`${title} per day`}>
        {points.map((p, i) => {
          const h = (p.value / max) * height;
          return (
            <g key={p.day}>
              <title>{`${p.day}: ${format(p.value)}`}</title>
              <rect x={i * bar + 1} y={height - h} width={Math.max(bar - 2, 1)} height={h} className="fill-brand-600" />
              {(i === 0 || i === points.length - 1) && (
                <text x={i * bar} y={height + 12} className="fill-slate-500 text-[10px]">{p.day.slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
