/**
 * Ctrl-C (SIGINT) and SIGTERM for long-running commands: the first asks for a graceful stop (the
 * AbortSignal fires; `onFirst` says what is being finished), a second one exits 130 at once.
 */
export interface StopSignals {
  signal: AbortSignal;
  /** removes the handlers */
  dispose(): void;
}

export function onStopSignals(onFirst: (sig: NodeJS.Signals) => void): StopSignals {
  const stop = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    onFirst(sig);
    stop.abort();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: stop.signal,
    dispose() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
