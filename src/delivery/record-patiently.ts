/**
 * Runs `record` until it succeeds, backing off, for up to `budgetMs`. For the moment after a
 * platform accepted a message: failing to record that would make the queue's retry post it a
 * second time, and a PostgreSQL restart or failover takes seconds — worth waiting out. Throws
 * the last error when the budget is spent.
 */
export async function recordPatiently<T>(
  record: () => Promise<T>,
  onRetry: (error: unknown, attempt: number) => void,
  budgetMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await record();
    } catch (error) {
      const wait = Math.min(200 * 2 ** (attempt - 1), 5_000);
      if (Date.now() - started + wait > budgetMs) throw error;
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
