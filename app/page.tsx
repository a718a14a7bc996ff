import { redirect } from "next/navigation";
import { requireSignedInPage } from "@/lib/auth/page-access";
import { getDb } from "@/lib/db/client";
import { listWorkspacesForUser } from "@/lib/workspaces/membership-repository";

// Home sends a signed-in user to their first workspace and everyone else to sign-in.
export default async function HomePage() {
  const actor = await requireSignedInPage();
  const [first] = await listWorkspacesForUser(await getDb(), actor.userId);
  if (!first) redirect("/sign-in");
  redirect(`/workspaces/${first.workspace.id}`);
}
