// How long a run took, and how long ago it was made, as the dashboard writes them.

/** "12 s", "3 min 4 s": the time from `fromIso` to `toMs` (never negative). */
export function durationBetween(fromIso: string, toMs: number): string {
  const s = Math.max(0, Math.round((toMs - new Date(fromIso).getTime()) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "12 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function timeAgo(iso: string, nowMs = Date.now()): string {
  const s = Math.max(0, Math.round((nowMs - new Date(iso).getTime()) / 1000));
  return s < 60
    ? `${s} s ago`
    : s < 3600
      ? `${Math.floor(s / 60)} min ago`
      : s < 86_400
        ? `${Math.floor(s / 3600)} h ago`
        : `${Math.floor(s / 86_400)} d ago`;
}
