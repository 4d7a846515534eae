"use client";

// Radix's DropdownMenu (keyboard navigation, typeahead, focus return), styled once for the dashboard.
import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;

export function DropdownMenuContent({ className = "", ...props }: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        align="start"
        sideOffset={4}
        className={`z-50 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg ${className}`}
        {...props}
      />
    </Menu.Portal>
  );
}

export function DropdownMenuItem({ className = "", ...props }: ComponentProps<typeof Menu.Item>) {
  return (
    <Menu.Item className={`block cursor-pointer px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100 ${className}`} {...props} />
  );
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-slate-100" />;
}
