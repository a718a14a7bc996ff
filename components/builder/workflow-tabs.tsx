"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { label: "Overview", path: "/overview" },
  { label: "Builder", path: "" },
  { label: "Webhook", path: "/webhook" },
  { label: "Sessions", path: "/sessions" },
  { label: "Deliveries", path: "/deliveries" },
  { label: "After completion", path: "/completion" },
] as const;

export function WorkflowTabs({ base }: { base: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Workflow sections" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          const href = `${base}${tab.path}`;
          const current = tab.path === "" ? pathname === base : pathname.startsWith(href);
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
