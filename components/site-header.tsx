import Link from "next/link";
import { marketingNav, site } from "@/config/site";
import { ButtonLink } from "./ui/button-link";

export function SiteHeader() {
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
          <Link href="/login" prefetch={false} className="font-medium text-slate-700 hover:text-slate-950">
            Log in
          </Link>
          <ButtonLink href="/signup">Sign up</ButtonLink>
        </div>
      </div>
    </header>
  );
}
