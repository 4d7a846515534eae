import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="text-slate-600">The page you asked for does not exist, or you do not have access to it.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Back to the home page
      </Link>
    </main>
  );
}
