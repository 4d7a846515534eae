// Tells a self-hoster which parts of the product run on local stand-ins.
import { env } from "@/config/env";

export function LocalModeBanner() {
  const local = [
    env.AGENTHQ_EMBEDDED_DB && "embedded PostgreSQL (data in .data/)",
    !env.ANTHROPIC_API_KEY && "the offline demo model provider (set ANTHROPIC_API_KEY for real agents)",
  ].filter(Boolean);
  if (!local.length) return null;
  return (
    <div role="status" className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900">
      Local mode: running on {local.join(" and ")}. See the README to connect your own services.
    </div>
  );
}
