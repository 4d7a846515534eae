// Any unknown URL, and any notFound() (a workspace, run or agent that is not yours): the site's header and
// a way back, to the dashboard for someone signed in, else to the home page.
import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { getSessionUser } from "@/lib/auth/get-session-user";

export const metadata: Metadata = { title: "Page not found" };

export default async function NotFound() {
  const user = await getSessionUser().catch(() => null);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
        <h1 className="text-3xl font-semibold">Page not found</h1>
        <p className="text-slate-600">The page you asked for does not exist, or you do not have access to it.</p>
        <Link href={user ? "/w" : "/"} className="font-medium text-brand-700 underline">
          {user ? "Back to your dashboard" : "Back to the home page"}
        </Link>
      </main>
    </>
  );
}
