"use server";

import { revalidatePath } from "next/cache";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { formAction, type FormState } from "@/lib/http/form-state";

export interface CreatedTokenData {
  name: string;
  token: string;
}

export async function createApiTokenAction(workspaceId: string, _prev: FormState<CreatedTokenData>, formData: FormData): Promise<FormState<CreatedTokenData>> {
  return formAction(
    async () => {
      const created = await createApiToken(await getDb(), await currentActor(), workspaceId, { name: formData.get("name") });
      revalidatePath(`/workspaces/${workspaceId}/settings/tokens`);
      // The only time the token leaves the server; the page never stores it.
      return { ok: true, message: `Created “${created.name}”.`, data: { name: created.name, token: created.token } };
    },
    { values: { name: String(formData.get("name") ?? "") } },
  );
}

// Takes no form fields: the bound ids are the whole input (useActionState's extra arguments are ignored).
export async function revokeApiTokenAction(workspaceId: string, tokenId: string): Promise<FormState> {
  return formAction(async () => {
    await revokeApiToken(await getDb(), await currentActor(), workspaceId, tokenId);
    revalidatePath(`/workspaces/${workspaceId}/settings/tokens`);
    return { ok: true, message: "Token revoked. Requests with it now get 401." };
  });
}
