import Link from "next/link";
import type { ReactNode } from "react";
import { site } from "@/config/site";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-slate-50 px-6 py-12">
      <Link href="/" className="text-xl font-bold tracking-tight">
        {site.name}
      </Link>
      <main className="mt-8 w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</main>
    </div>
  );
}
