/** A one-line progress counter on a terminal's stderr; silent when stderr is not a terminal. */
export function progressLine(label: string): { update(count: number): void; done(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(count) {
      const now = Date.now();
      if (!tty || now - last < 100) return;
      last = now;
      process.stderr.write(`\r${label}: ${count.toLocaleString("en")}`);
    },
    done() {
      if (tty) process.stderr.write("\r\x1b[K");
    },
  };
}
