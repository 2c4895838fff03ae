import type postgres from "postgres";

type Waiting = { text: string; params: unknown[]; resolve: (rows: unknown[]) => void; reject: (error: unknown) => void };

/** More than this many statements waiting go in the next transaction. */
const MOST_IN_ONE_COMMIT = 100;

/**
 * Autocommitted statements of one pipelined connection, committed together: the statements that
 * arrive while a commit is under way wait for it, then go in one transaction (begin, the
 * statements, commit, sent in one write). Each statement alone is a transaction whose commit
 * waits for its own flush of the WAL, and on one connection the flushes cannot overlap: one
 * flush now serves every statement of the group.
 *
 * A caller's answer comes only once its statement is committed. When a statement of a group
 * fails, the transaction rolls back and every statement of the group runs again alone, so each
 * caller gets its own statement's answer or error. When the commit's outcome is unknown (the
 * connection broke during it), the statements also run again alone: only statements that may run
 * twice belong here (the editor's changes are keyed by their change id, and a change applied
 * before fails on that key).
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private committing = false;

  constructor(private readonly connection: postgres.Sql) {}

  run<Row>(text: string, params: unknown[]): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.waiting.push({ text, params, resolve: resolve as (rows: unknown[]) => void, reject });
      if (!this.committing) void this.commitWaiting();
    });
  }

  private async commitWaiting() {
    this.committing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MOST_IN_ONE_COMMIT);
        if (group.length === 1) await this.runAlone(group[0]);
        else await this.runTogether(group);
      }
    } finally {
      this.committing = false;
    }
  }

  private statement(one: Waiting) {
    return this.connection.unsafe(one.text, one.params as postgres.ParameterOrJSON<never>[], { prepare: true });
  }

  private async runAlone(one: Waiting) {
    try {
      one.resolve(await this.statement(one));
    } catch (error) {
      one.reject(error);
    }
  }

  private async runTogether(group: Waiting[]) {
    // Queued for sending in one go (execute), nothing of other callers in between: the client has
    // this one connection, and sends its queries in the order they are executed.
    const begin = this.connection.unsafe("begin").execute();
    const statements = group.map((one) => this.statement(one).execute());
    const commit = this.connection.unsafe("commit").execute();
    const [began, ...rest] = await Promise.allSettled([begin, ...statements, commit]);
    const answers = rest.slice(0, group.length);
    const ended = rest[group.length];
    if (began.status === "rejected") {
      // No transaction: each statement was committed (or failed) alone, and that is its answer.
      group.forEach((one, k) => settle(one, answers[k]));
      return;
    }
    // A statement that failed left the transaction aborted, and its commit then answers ROLLBACK.
    const committed = ended.status === "fulfilled" && (ended.value as { command?: string }).command === "COMMIT";
    if (committed) {
      group.forEach((one, k) => settle(one, answers[k]));
      return;
    }
    await Promise.all(group.map((one) => this.runAlone(one)));
  }
}

function settle(one: Waiting, outcome: PromiseSettledResult<unknown>) {
  if (outcome.status === "fulfilled") one.resolve(outcome.value as unknown[]);
  else one.reject(outcome.reason);
}
