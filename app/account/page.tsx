import { AccountShell } from "@/components/layout/account-shell";
import { Alert } from "@/components/ui/alert";
import { requireSignedInPage } from "@/lib/auth/page-access";
import { ChangePasswordForm } from "./change-password-form";

export const metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await requireSignedInPage("/account");
  const { changed } = await searchParams;
  return (
    <AccountShell userId={actor.userId} email={actor.email}>
      <section aria-labelledby="account-heading" className="space-y-6">
        <div>
          <h1 id="account-heading" className="text-2xl font-semibold">
            Account
          </h1>
          <p className="mt-1 text-sm text-slate-600">Signed in as {actor.email}.</p>
        </div>
        {changed === "1" && <Alert tone="success">Password changed. Every other browser signed in to this account has been signed out.</Alert>}
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="mb-1 font-medium">Change password</h2>
          <p className="mb-4 text-sm text-slate-600">Changing your password signs out every other browser where you are signed in.</p>
          <ChangePasswordForm />
        </div>
      </section>
    </AccountShell>
  );
}
