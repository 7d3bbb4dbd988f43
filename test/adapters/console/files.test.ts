import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/console-adapter.js';
import type { Post } from '../../../src/delivery/post.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { makeTempDir, type TempDir } from '../../support/temp-dir.js';

let h: Harness;
let exports: TempDir;
afterEach(async () => {
  await h.close();
  await exports.remove();
});

/** The console playground as the only platform, saving files under a fresh directory. */
async function playground() {
  h = await createHarness(undefined, { recordingPlatform: false });
  exports = await makeTempDir('baton-exports');
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk) => (transcript += chunk));
  const console = createConsoleAdapter({
    baton: h.baton, input: new PassThrough(), output, interactive: false, startAs: h.person('zhang.wei'),
    settle: () => h.scheduler.settle(), exportsDir: exports.path,
  });
  h.baton.addAdapter(console);
  return { transcript: () => transcript };
}

const post = (name: string, data: string, to: Post['to'] = 'person:chen.jie'): Post => ({
  to,
  messageKey: 'complaint.created',
  params: { ref: 'CMP-1', department: { dept: 'it' }, due: { at: '2026-12-01T02:00:00.000Z' } },
  file: { name, mimeType: 'text/csv', data: Buffer.from(data) },
});

it('saves a posted file under exports and prints the comment and where it is', async () => {
  const { transcript } = await playground();
  await h.baton.posts.send([post('complaints-2026-11.csv', 'ref,severity\nCMP-1,high\n')]);
  await h.scheduler.settle();
  const [saved, ...others] = await readdir(exports.path);
  expect(others).toEqual([]);
  expect(saved).toMatch(/^[0-9a-f]{8}-complaints-2026-11\.csv$/);
  expect(await readFile(join(exports.path, saved!), 'utf8')).toBe('ref,severity\nCMP-1,high\n');
  // The console's own lines speak the typist's language (zhang.wei reads Chinese); the post, its reader's.
  expect(transcript()).toContain('→ 发给 陈杰（私信）');
  expect(transcript()).toContain('Filed CMP-1.');
  expect(transcript()).toContain(`📎 complaints-2026-11.csv（24 B）已保存为 ${join(exports.path, saved!)}`);
});

it('keeps a hostile file name inside exports, and two posts of one name apart', async () => {
  const { transcript } = await playground();
  await h.baton.posts.send([post('../../etc/passwd', 'first'), post('..\\..\\passwd', 'second'), post('\u001b[2J..', 'third', 'dept:it')]);
  await h.scheduler.settle();
  const saved = (await readdir(exports.path)).sort();
  expect(saved).toHaveLength(3);
  expect(saved.filter((name) => /^[0-9a-f]{8}-passwd$/.test(name))).toHaveLength(2);
  for (const name of saved) expect(name).toMatch(/^[0-9a-f]{8}-[\w.-]+$/);
  const contents = await Promise.all(saved.map((name) => readFile(join(exports.path, name), 'utf8')));
  expect(contents.sort()).toEqual(['first', 'second', 'third']);
  expect(transcript()).toContain('→ 群组 #it (信息技术部)');
  // A terminal escape in the name is not printed raw.
  expect(transcript()).not.toContain('\u001b');
});
