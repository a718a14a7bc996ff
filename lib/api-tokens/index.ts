export { authenticateBearer, type TokenActor } from "./authenticate-bearer";
export { createApiToken } from "./create-api-token";
export { listApiTokens } from "./list-api-tokens";
export { revokeApiToken } from "./revoke-api-token";
export { API_TOKEN_PREFIX } from "./token-format";
