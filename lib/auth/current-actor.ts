import { auth } from "./auth";
import type { Actor } from "./authorize";

/** The signed-in browser user as an Actor, or null. Pages and server actions start here. */
export async function currentActor(): Promise<(Actor & { email: string }) | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return { userId: id, email: session.user?.email ?? "" };
}
