import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { AuthCard } from "../auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await currentActor()) redirect("/");
  return (
    <AuthCard
      title="Create your Signet account"
      footer={
        <>
          Already have an account?{" "}
          <Link className="font-medium text-brand-700 underline" href="/sign-in">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
