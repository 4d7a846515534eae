import Link from "next/link";
import { site } from "@/config/site";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-6 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between">
        <p>
          © {new Date().getFullYear()} {site.name}
        </p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/pricing">Pricing</Link>
          <a href={`mailto:${site.supportEmail}`}>Contact</a>
        </nav>
      </div>
    </footer>
  );
}
