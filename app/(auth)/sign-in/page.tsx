import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/http/safe-callback";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await currentActor()) redirect("/");
  const { callbackUrl } = await searchParams;
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
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
    </AuthCard>
  );
}
