import Link from "next/link";
import type { ReactNode } from "react";

const STYLES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
} as const;

export function ButtonLink({
  href,
  children,
  variant = "primary",
  className = "",
}: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof STYLES;
  className?: string;
}) {
  return (
    <Link
      href={href}
      // Buttons lead to heavier pages (forms); loading them on click keeps marketing pages light.
      prefetch={false}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm ${STYLES[variant]} ${className}`}
    >
      {children}
    </Link>
  );
}
