// Prisma CLI configuration. We use the JavaScript (WASM) schema engine so the CLI works offline:
// the native engine would be downloaded on first use. See /work/shared/ENVIRONMENT.md.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// `prisma generate` and `prisma migrate diff` never connect, but the config must still resolve
// a URL (and prisma.config.ts disables .env loading), so fall back to an unreachable dummy.
// The schema's `url = env("DATABASE_URL")` must resolve too, or the CLI falls back to
// downloading a native engine, hence setting the variable itself and not only the adapter's URL.
const url = (process.env.DATABASE_URL ||= 'postgresql://baton:baton@127.0.0.1:1/baton');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
