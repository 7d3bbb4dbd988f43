import { splitPrincipal, type Directory } from '../directory/directory.js';
import { BatonError } from '../errors.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { MAX_POST_FILE_BYTES, toPayload, type Post, type Posts } from './post.js';

/**
 * Posts go through the same outbox as workflow notifications, so they survive a crash between
 * "decided to send" and "sent", and are retried, rate-limited and recorded the same way. The
 * batch is checked whole before anything is written: one bad post refuses them all.
 */
export function createPosts(deps: { db: PrismaClient; directory: Directory; onCommitted: () => void }): Posts {
  const { db, directory } = deps;
  return {
    async send(posts) {
      if (posts.length === 0) return;
      posts.forEach((post) => check(post, directory));
      await db.$transaction(async (tx) => {
        await tx.outboxEffect.createMany({
          data: posts.map((post, seq) => ({
            instanceId: null,
            version: 0,
            seq,
            type: 'post',
            payload: toPayload(post) as unknown as Prisma.InputJsonValue,
          })),
        });
      });
      // Recurring jobs have no router to kick the relay after their commit: do it here.
      deps.onCommitted();
    },
  };
}

function check(post: Post, directory: Directory) {
  const [type, id = ''] = splitPrincipal(post.to);
  const known = type === 'dept' ? directory.department(id) !== undefined : directory.resolve(post.to).length > 0;
  if (!known) throw new BatonError('not-found', 'error.notFound', { ref: post.to });
  const file = post.file;
  if (!file) return;
  if (file.data.length > MAX_POST_FILE_BYTES) {
    throw new BatonError('bad-argument', 'error.fileTooLarge', {
      name: file.name,
      size: megabytes(file.data.length),
      max: megabytes(MAX_POST_FILE_BYTES),
    });
  }
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
