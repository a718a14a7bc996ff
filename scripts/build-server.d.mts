// Types for bench/ (TypeScript) importing scripts/build-server.mjs.
export declare const SERVER_BUNDLE: string;
export declare function serverNodeArgs(env?: NodeJS.ProcessEnv): string[];
export declare function buildServer(): Promise<void>;
