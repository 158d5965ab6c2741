// Transaction: what db.atomic(fn) hands to fn, as Peewee's `with db.atomic() as txn`.
// commit() and rollback() end the work so far and open a fresh block at once, so the block
// atomic() closes after fn returns is still there (Peewee: ROLLBACK, then BEGIN ... COMMIT).
import { InterfaceError } from './errors.js';

/** The three steps of an atomic block, run by the session against the core. */
export interface AtomicSteps {
  begin(): void;
  commit(): void;
  rollBack(): void;
}

export class Transaction {
  readonly #steps: AtomicSteps;
  #open = true;

  constructor(steps: AtomicSteps) {
    this.#steps = steps;
  }

  /** Commits the work done so far in this block and starts a new one. */
  commit(): void {
    this.#check('commit');
    this.#steps.commit();
    this.#steps.begin();
  }

  /** Rolls back the work done so far in this block and starts a new one. */
  rollback(): void {
    this.#check('rollback');
    this.#steps.rollBack();
    this.#steps.begin();
  }

  /** Called by atomic() when fn has returned or thrown. */
  close(): void {
    this.#open = false;
  }

  #check(method: string): void {
    if (!this.#open) {
      throw new InterfaceError(`txn.${method}(): the atomic block has ended; call it inside the function given to db.atomic()`);
    }
  }
}
