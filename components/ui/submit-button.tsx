import type { ReactNode } from "react";

/**
 * A form's primary submit button, disabled and relabelled while the form is pending. Full width in the
 * stacked forms (log in, sign up); `fullWidth={false}` in a form whose button sits inline with its fields.
 */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  fullWidth = true,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: string;
  fullWidth?: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`${fullWidth ? "w-full " : ""}rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
