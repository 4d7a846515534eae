"use client";

// Switch between the user's workspaces: a Radix dropdown menu (arrow keys, typeahead, Escape).
import Link from "next/link";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { WorkspaceSummary } from "@/lib/workspaces/workspace-context";

export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceSummary; workspaces: WorkspaceSummary[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="min-w-0 max-w-[16rem] truncate rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
        {current.name} <span aria-hidden>▾</span>
        <span className="sr-only">Switch workspace</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        {workspaces.map((w) => (
          <DropdownMenuItem key={w.id} asChild>
            <Link href={`/w/${w.slug}`} aria-current={w.id === current.id ? "true" : undefined} className="flex justify-between">
              <span className="truncate">{w.name}</span>
              <span className="text-xs text-slate-500">{w.role}</span>
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/workspaces/new" className="text-brand-700">
            + New workspace
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
