// The marketing pages' header: the main links (a menu on phones, without JavaScript: a <details>), and
// Log in / Sign up, or Dashboard for a visitor who is signed in.
import Link from "next/link";
import { marketingNav, site } from "@/config/site";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { ButtonLink } from "./ui/button-link";

export async function SiteHeader() {
  const user = await getSessionUser().catch(() => null);
  return (
    <header className="border-b border-slate-200">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-4">
        <Link href="/" className="text-lg font-bold tracking-tight">
          {site.name}
        </Link>
        <nav aria-label="Main" className="hidden gap-6 text-sm text-slate-700 sm:flex">
          {marketingNav.map((item) => (
            <Link key={item.href} href={item.href} className="hover:text-slate-950">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <details className="relative sm:hidden">
            <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-700">
              Menu
            </summary>
            <nav
              aria-label="Main (menu)"
              className="absolute right-0 z-10 mt-2 flex w-44 flex-col rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
            >
              {marketingNav.map((item) => (
                <Link key={item.href} href={item.href} className="rounded px-3 py-2 text-slate-700 hover:bg-slate-50">
                  {item.label}
                </Link>
              ))}
            </nav>
          </details>
          {user ? (
            <ButtonLink href="/w">Dashboard</ButtonLink>
          ) : (
            <>
              <Link href="/login" prefetch={false} className="font-medium text-slate-700 hover:text-slate-950">
                Log in
              </Link>
              <ButtonLink href="/signup">Sign up</ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
