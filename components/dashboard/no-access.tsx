import { PageHeader } from "./page-header";

/** Shown instead of a section the member's role may not open. */
export function NoAccess({ title, role, who }: { title: string; role: string; who: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div role="status" className="mt-8 rounded-xl border border-slate-200 bg-slate-50 p-8 text-center">
        <h2 className="font-semibold">You do not have access to this page</h2>
        <p className="mt-2 text-sm text-slate-600">
          Your role in this workspace is <strong>{role}</strong>. {who}
        </p>
      </div>
    </>
  );
}
