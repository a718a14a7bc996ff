import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/http/safe-callback";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; "signed-up"?: string }> }) {
  if (await currentActor()) redirect("/");
  const { callbackUrl, "signed-up": signedUp } = await searchParams;
  return (
    <AuthCard
      title="Sign in to Signet"
      footer={
        <>
          New here?{" "}
          <Link className="font-medium text-brand-700 underline" href="/sign-up">
            Create an account
          </Link>
        </>
      }
    >
      {signedUp === "1" && (
        <div className="mb-4">
          <Alert tone="success">Thanks. Sign in with your email and password to continue.</Alert>
        </div>
      )}
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
    </AuthCard>
  );
}
