// Shown instead of the invite form when every seat of the tier is taken: how this workspace gets more,
// by upgrading on the billing page, or on an install with billing off by the administrator's CLI.
import Link from "next/link";
import { TIER_LIST, tierRanksAbove, type Tier } from "@/config/tiers";

export function SeatsFullNotice({
  slug,
  tier,
  billingEnabled,
  canSeeBilling,
}: {
  slug: string;
  tier: Tier;
  billingEnabled: boolean;
  canSeeBilling: boolean;
}) {
  const limit = tier.limits.members;
  const next = TIER_LIST.find(
    (t) => tierRanksAbove(t.id, tier.id) && (t.limits.members === null || (limit !== null && t.limits.members > limit)),
  );
  const more =
    next &&
    (next.limits.members === null ? `${next.name} has custom member limits.` : `${next.name} includes ${next.limits.members} members.`);
  return (
    <div role="status" className="mt-3 space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      <p>
        {limit === 1 ? `The ${tier.name} tier has one seat, and it is taken` : `All ${limit} seats of the ${tier.name} tier are taken`}{" "}
        (members and pending invitations count). {more}
      </p>
      {!billingEnabled ? (
        <p>
          Billing is off on this install, so an administrator raises the tier on the server:{" "}
          <code className="rounded bg-white px-1">
            npm run admin -- set-tier {slug} {next?.id ?? "<tier>"}
          </code>
        </p>
      ) : canSeeBilling ? (
        <p>
          To invite more, upgrade on the{" "}
          <Link href={`/w/${slug}/billing`} className="font-medium underline">
            billing page
          </Link>
          .
        </p>
      ) : (
        <p>To invite more, ask an owner to upgrade the workspace on its billing page.</p>
      )}
    </div>
  );
}
