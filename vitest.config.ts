import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Starts a throwaway PostgreSQL and Redis unless DATABASE_URL / REDIS_URL are set.
    globalSetup: ['test/setup/global-setup.ts'],
    // Child processes rather than threads: tests start servers and touch process.env.
    pool: 'forks',
    // Generous: CI machines are slow, and some tests start real servers or the Prisma CLI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
