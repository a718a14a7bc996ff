// After a transaction that wrote outbox messages commits, its writer announces their ids here
// so this instance's job runner enqueues them at once (dispatch-jobs.ts installs the listener
// when it starts). Without a runner in the process (a CLI command, a test) nothing happens and
// the runner's sweep finds the messages later: the outbox rows, not this call, are what make
// delivery durable. On globalThis: the server bundle and Next's bundle share one process.

type Listener = (messageIds: string[]) => void;

const holder = globalThis as { __signetOutboundListener?: Listener | null };

/** Tells the local job runner, if any, that these messages were committed. Never throws. */
export function announceMessages(messageIds: string[]): void {
  if (messageIds.length === 0) return;
  const listener = holder.__signetOutboundListener;
  if (!listener) return;
  try {
    listener(messageIds);
  } catch {
    // The sweep enqueues them later; announcing is only a shortcut.
  }
}

/** Installs (or with null removes) the process's listener. */
export function setMessageListener(listener: Listener | null): void {
  holder.__signetOutboundListener = listener;
}
