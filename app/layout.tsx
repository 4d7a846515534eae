import type { Metadata } from "next";
import type { ReactNode } from "react";
import { site } from "@/config/site";
import "./globals.css";

// Every page renders per request, so that Next can put this request's CSP nonce (proxy.ts) on its
// scripts: a page prerendered at build time would carry none, and the policy would block its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: `${site.name} — run AI agents safely`, template: `%s · ${site.name}` },
  description: site.description,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
