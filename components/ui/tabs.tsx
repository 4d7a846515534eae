"use client";

// Radix's Tabs (arrow keys move between tabs, panels labelled by their tab), styled once.
import * as RadixTabs from "@radix-ui/react-tabs";
import type { ComponentProps } from "react";

export const Tabs = RadixTabs.Root;

export function TabsList({ className = "", ...props }: ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List className={`flex gap-1 border-b border-slate-200 ${className}`} {...props} />;
}

export function TabsTrigger({ className = "", ...props }: ComponentProps<typeof RadixTabs.Trigger>) {
  return (
    <RadixTabs.Trigger
      className={`-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-slate-900 ${className}`}
      {...props}
    />
  );
}

export const TabsContent = RadixTabs.Content;
