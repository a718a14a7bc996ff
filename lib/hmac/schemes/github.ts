import { encodeSignature } from "../encoding";
import type { ZGithubSettings } from "../schemas";
import type { z } from "zod";
import { algorithmPrefix, writeBodyOnly, parseSingleBodySignature } from "./body-only";
import type { SchemeModule } from "./types";
import { SCHEME_CATALOGUE } from "../catalogue";

// GitHub: `X-Hub-Signature-256: sha256={hex}` over the body. With SHA-1 it is GitHub's legacy
// `X-Hub-Signature: sha1={hex}`.

type Settings = z.infer<typeof ZGithubSettings>;

export function githubHeader(settings: Settings): string {
  return settings.algorithm === "sha1" ? "X-Hub-Signature" : "X-Hub-Signature-256";
}

export const githubScheme: SchemeModule<Settings> = {
  scheme: "github",
  keyBytes: SCHEME_CATALOGUE["github"].keyBytes,
  parse: (settings, headers) => parseSingleBodySignature(settings, headers, githubHeader(settings), undefined, algorithmPrefix(settings), "hex"),
  needs: SCHEME_CATALOGUE["github"].needs,
  writeSignedContent: writeBodyOnly,
  formatHeaders: (settings, [signature]) => ({ [githubHeader(settings)]: algorithmPrefix(settings) + encodeSignature(signature!, "hex") }),
};
