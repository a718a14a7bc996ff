// Next.js start-up hook. The check lives in its own module, imported only in the Node.js
// runtime (NEXT_RUNTIME is a build-time constant), so no edge bundle ever includes the
// database drivers or process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./lib/startup-check");
    await checkStartup();
  }
}
