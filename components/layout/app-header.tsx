import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";

interface WorkspaceLink {
  id: string;
  name: string;
}

/**
 * Top bar of every signed-in page: workspace switcher and section links (inside a workspace),
 * pending invitations, the user's account and sign-out.
 */
export function AppHeader({
  current,
  workspaces,
  email,
  role,
  invitations = 0,
}: {
  /** The workspace the page belongs to; null on account-level pages. */
  current: WorkspaceLink | null;
  workspaces: WorkspaceLink[];
  email: string;
  role?: string;
  /** Pending invitations for the user's email. */
  invitations?: number;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={current ? `/workspaces/${current.id}` : "/"} className="text-lg font-semibold text-brand-700">
          Signet
        </Link>
        {current ? <WorkspaceNav current={current} workspaces={workspaces} /> : null}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {invitations > 0 ? (
            <Link href="/invitations" className="rounded-md bg-amber-50 px-2 py-1 font-medium text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100">
              {invitations} invitation{invitations === 1 ? "" : "s"}
            </Link>
          ) : null}
          <Link href="/account" className="text-slate-600 hover:text-slate-900" title="Account settings">
            {email}
          </Link>
          {role ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{role}</span> : null}
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

function WorkspaceNav({ current, workspaces }: { current: WorkspaceLink; workspaces: WorkspaceLink[] }) {
  return (
    <nav aria-label="Workspace" className="flex flex-wrap items-center gap-4 text-sm">
      <details className="relative">
        <summary className="cursor-pointer list-none rounded-md px-2 py-1 font-medium hover:bg-slate-100">
          {current.name} <span aria-hidden>▾</span>
          <span className="sr-only"> (switch workspace)</span>
        </summary>
        <ul className="absolute z-10 mt-1 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link
                href={`/workspaces/${w.id}`}
                aria-current={w.id === current.id ? "page" : undefined}
                className="block rounded px-3 py-1.5 hover:bg-slate-100"
              >
                {w.name}
              </Link>
            </li>
          ))}
        </ul>
      </details>
      <Link href={`/workspaces/${current.id}`} className="text-slate-700 hover:text-slate-900">
        Workflows
      </Link>
      <Link href={`/workspaces/${current.id}/members`} className="text-slate-700 hover:text-slate-900">
        Members
      </Link>
      <Link href={`/workspaces/${current.id}/settings/tokens`} className="text-slate-700 hover:text-slate-900">
        API tokens
      </Link>
      <Link href={`/workspaces/${current.id}/audit`} className="text-slate-700 hover:text-slate-900">
        Audit log
      </Link>
    </nav>
  );
}
