import { createHash, timingSafeEqual } from 'node:crypto';
import type { IndicatorSource } from '../config/workflow-schemas/risk.js';
import type { Logger } from '../logger.js';

/** Shorter tokens are guessable; a source configured with one is refused until it gets a proper one. */
export const MIN_TOKEN_LENGTH = 16;

export interface SourceAuth {
  /** The source whose token the `Authorization: Bearer …` header carries; null for none or an unknown one. */
  identify(authorization: string | undefined): IndicatorSource | null;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Tokens come from the environment (`tokenEnv`), never from the policy file. They are compared
 * as SHA-256 digests with `timingSafeEqual`, against every source each time, so neither the
 * length of a token nor which source it resembles shows in the response time.
 */
export function createSourceAuth(sources: readonly IndicatorSource[], environment: Readonly<Record<string, string | undefined>>, logger: Logger): SourceAuth {
  const usable = sources.flatMap((source) => {
    const token = environment[source.tokenEnv]?.trim() ?? '';
    if (token.length >= MIN_TOKEN_LENGTH) return [{ source, digest: digest(token) }];
    const why = token === '' ? 'is not set' : `is shorter than ${MIN_TOKEN_LENGTH} characters`;
    logger.warn({ source: source.id, variable: source.tokenEnv }, `indicator source refused: its token variable ${why}`);
    return [];
  });
  return {
    identify(authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match) return null;
      const presented = digest(match[1]!);
      let found: IndicatorSource | null = null;
      for (const candidate of usable) {
        if (timingSafeEqual(presented, candidate.digest) && !found) found = candidate.source;
      }
      return found;
    },
  };
}
