/**
 * Progress on stderr: a redrawn bar with docs/s and ETA when stderr is a terminal, plain lines every
 * few seconds otherwise, nothing with --quiet. Never writes to stdout.
 */
export interface ProgressOptions {
  quiet: boolean;
  /** stderr is a terminal: redraw one line */
  tty: boolean;
  /** plain-line period in ms (not a terminal) */
  intervalMs: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

export class Progress {
  private done = 0;
  private errors = 0;
  private skipped = 0;
  private total: number | null = null;
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private lastPrinted = -1;
  private barShown = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly opts: ProgressOptions,
  ) {
    if (opts.quiet) return;
    this.timer = setInterval(() => this.render(), opts.tty ? 200 : opts.intervalMs);
    this.timer.unref();
  }

  /** Documents skipped because a resumed run had already done them (not counted in the rate). */
  setSkipped(n: number): void {
    this.skipped = n;
  }

  setTotal(n: number): void {
    this.total = n;
  }

  update(done: number, errors: number): void {
    this.done = done;
    this.errors = errors;
  }

  private rate(): number {
    const s = (performance.now() - this.started) / 1000;
    return s > 0 ? Math.max(0, this.done - this.skipped) / s : 0;
  }

  line(): string {
    const rate = this.rate();
    const total = this.total !== null && this.total >= this.done ? this.total : null;
    const eta = total !== null && rate > 0 ? ` ETA ${duration((total - this.done) / rate)}` : "";
    const count = total !== null ? `${this.done}/${total}` : `${this.done}`;
    const errs = this.errors > 0 ? `, ${this.errors} error(s)` : "";
    return `${count} docs, ${rate.toFixed(1)} docs/s${errs}${eta}`;
  }

  private render(): void {
    if (this.opts.tty) {
      const total = this.total !== null && this.total >= this.done ? this.total : null;
      const width = 24;
      const filled = total ? Math.round((this.done / Math.max(1, total)) * width) : 0;
      const bar = total ? `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ` : "";
      this.out.write(`\r\x1b[K${bar}${this.line()}`);
      this.barShown = true;
    } else if (this.done !== this.lastPrinted) {
      this.lastPrinted = this.done;
      this.out.write(`statements: ${this.line()}\n`);
    }
  }

  /** Writes a line of its own (an error, a note), keeping the bar below it. */
  log(text: string): void {
    if (this.opts.quiet) return;
    this.clear();
    this.out.write(`${text}\n`);
  }

  private clear(): void {
    if (this.barShown) {
      this.out.write("\r\x1b[K");
      this.barShown = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
