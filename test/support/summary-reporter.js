/**
 * Prints one plain closing line, `tests: N passed, N failed[, N skipped]`, that any CI log
 * reader understands, as the very last line of the run, after jest's own summary (which
 * jest prints after every configured reporter): written when the process exits, on stderr,
 * where jest writes its summary, whether the run passed or failed.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
