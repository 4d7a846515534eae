"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/lib/forms/api-request";

/** Copies a built-in agent into the workspace and opens the copy in the editor. */
export function CopyTemplateButton({ slug, template }: { slug: string; template: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="mt-3">
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await apiRequest<{ id: string }>("POST", `/api/workspaces/${slug}/agents`, { template });
          setPending(false);
          if (!result.ok) return setError(result.problem.detail);
          router.push(`/w/${slug}/agents/${result.data.id}`);
        }}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Copying…" : "Copy into my agents"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
