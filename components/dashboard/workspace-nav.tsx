"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { workspaceNav } from "@/components/dashboard/workspace-sections";

/** `allowed` lists the sections the member's role may open (decided on the server). */
export function WorkspaceNav({ slug, allowed }: { slug: string; allowed: string[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="flex gap-1 overflow-x-auto md:flex-col">
      {workspaceNav
        .filter((item) => allowed.includes(item.segment))
        .map((item) => {
          const href = item.segment ? `/w/${slug}/${item.segment}` : `/w/${slug}`;
          const active = item.segment ? pathname.startsWith(href) : pathname === href;
          return (
            <Link
              key={item.label}
              href={href}
              aria-current={active ? "page" : undefined}
              className={`whitespace-nowrap rounded-md px-3 py-2 text-sm ${active ? "bg-brand-50 font-semibold text-brand-900" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {item.label}
            </Link>
          );
        })}
    </nav>
  );
}
