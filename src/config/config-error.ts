/** One variable that is wrong, and what it must be. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/**
 * The server refuses to start. The message names every variable to fix, each with what it
 * must be, so one start reports them all. `variable` is the first of them.
 */
export class ConfigError extends Error {
  readonly variable: string;
  readonly problems: readonly ConfigProblem[];

  constructor(variable: string, message: string, more: readonly ConfigProblem[] = []) {
    const problems = [{ variable, message }, ...more];
    super(
      problems.length === 1
        ? `${variable}: ${message}`
        : `${problems.length} variables to fix:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variable = variable;
    this.problems = problems;
  }

  /** One error for all the problems found (at least one). */
  static of(problems: readonly ConfigProblem[]): ConfigError {
    const [first, ...more] = problems;
    return new ConfigError(first.variable, first.message, more);
  }
}
