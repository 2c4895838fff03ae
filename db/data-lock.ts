import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own: a second process opening the same data folder gets no
 * error and one side's writes are lost. This pid file says which process owns the
 * folder and on which local port it serves the database to others (the CLI).
 */
export type LockInfo = { pid: number; port: number | null; startedAt: string };

const LOCK_NAME = "sourcemark.lock";

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_NAME);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live owner of the data folder, or null (a stale lock counts as none). */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
    if (typeof info.pid === "number" && info.pid !== process.pid && isAlive(info.pid)) return info;
    if (info.pid === process.pid) return info;
    return null;
  } catch {
    return null;
  }
}

export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Sourcemark process (pid ${owner.pid}). ` +
        "Stop it first, or set SOURCEMARK_DATA_DIR to another folder.",
    );
  }
}

/** Takes the lock (taking over a stale one) or throws DataFolderBusyError. */
export function acquireLock(dataDir: string): { update(port: number | null): void; release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const owner = readLock(dataDir);
  if (owner && owner.pid !== process.pid) throw new DataFolderBusyError(dataDir, owner);
  if (!owner) fs.rmSync(file, { force: true });
  const write = (port: number | null, flag: "wx" | "w") =>
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }), {
      flag,
    });
  try {
    write(null, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const racer = readLock(dataDir);
    if (racer && racer.pid !== process.pid) throw new DataFolderBusyError(dataDir, racer);
    write(null, "w");
  }
  let released = false;
  return {
    update(port) {
      if (!released) write(port, "w");
    },
    release() {
      if (released) return;
      released = true;
      const current = readLock(dataDir);
      if (current?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
