// Switch between the user's workspaces. A native <details> menu: no client JavaScript needed.
import Link from "next/link";
import type { WorkspaceSummary } from "@/lib/workspaces/workspace-context";

export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceSummary; workspaces: WorkspaceSummary[] }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
        {current.name} <span aria-hidden>▾</span>
        <span className="sr-only">Switch workspace</span>
      </summary>
      <ul className="absolute z-10 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {workspaces.map((w) => (
          <li key={w.id}>
            <Link
              href={`/w/${w.slug}`}
              aria-current={w.id === current.id ? "true" : undefined}
              className="flex justify-between px-3 py-2 text-sm hover:bg-slate-50"
            >
              <span>{w.name}</span>
              <span className="text-xs text-slate-500">{w.role}</span>
            </Link>
          </li>
        ))}
        <li className="border-t border-slate-100">
          <Link href="/workspaces/new" className="block px-3 py-2 text-sm text-brand-700 hover:bg-slate-50">
            + New workspace
          </Link>
        </li>
      </ul>
    </details>
  );
}
