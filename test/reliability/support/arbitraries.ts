import fc from 'fast-check';

/**
 * Markup a chat platform would turn into a ping or a link if it reached it unescaped (Slack
 * mrkdwn, Feishu markdown / lark_md, HTML-ish tags), and scheme tricks a link check must refuse.
 */
export const INJECTIONS = [
  '<!channel>', '<!here>', '<!everyone>', '<@U0ZBU4FL4K>', '<#C0NBUEKNKJ>', '<!subteam^S0123|@admins>',
  '@all', '@here', '@channel', '@_all', '@_user_1', '<at user_id="all"></at>', '<at id=all></at>', '<at user_id="ou_c869c2af8a6d8bb469f8f972be6e7e5a">刘洋</at>',
  '[x](http://evil.example)', '<http://evil.example|x>', '<https://evil.example>', 'http://evil.example', '<a href="http://evil.example">x</a>',
  'javascript:alert(1)', '[x](javascript:alert(1))', '<javascript:alert(1)|x>', 'data:text/html,<script>alert(1)</script>',
  '**bold**', '*b*', '_i_', '~s~', '`code`', '```block```', '<font color="red">x</font>', '&lt;!channel&gt;', '&amp;',
] as const;

/** Text that has broken parsers before: control characters, NUL, lone surrogates, RTL marks, emoji, very long runs. */
const AWKWARD = [
  '', ' ', '\t', '\n', '\r\n', '\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\ud800', '\udfff', '\u202e', '\u200b', '\ufeff', '\u2028',
  '🙂', '👨‍👩‍👧', '中文', '／', '“', '”', '"', "'", '\\', '\\"', '=', '==', 'a=b', '--', '${x}', '{name}', '%s', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '9'.repeat(40), '2026-02-30', '2026-12-15', '0000-00-00',
] as const;

/** Any text: ASCII, all of Unicode (graphemes and raw code units), awkward strings, injections, and mixes of them. */
export function hostileText(maxLength = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
    { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: piece },
    { weight: 2, arbitrary: fc.array(piece, { minLength: 2, maxLength: 5 }).map((parts) => parts.join(' ')) },
    { weight: 1, arbitrary: fc.array(piece, { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')) },
    // Longer than any field allows (the longest maxLength in the example config is 2000).
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '中', '🙂', '<!channel>'), fc.integer({ min: 100, max: 4000 })).map(([s, n]) => s.repeat(n)) },
  );
}

/** A date-ish value: real dates near the example clock, impossible ones, other formats, anything. */
export function dateText(): fc.Arbitrary<string> {
  const iso = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  return fc.oneof(
    { weight: 4, arbitrary: iso },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) },
    { weight: 1, arbitrary: fc.constantFrom('2026/12/15', '15.12.2026', '2026-12-15T00:00:00Z', '2026-12-15 +0800', 'tomorrow', '明天', ' 2026-12-15 ') },
    { weight: 1, arbitrary: hostileText(20) },
  );
}

/** A link-ish value: web links, other schemes, lists of them, too many of them, anything. */
export function linksText(): fc.Arbitrary<string> {
  const one = fc.oneof(
    { weight: 3, arbitrary: fc.webUrl() },
    { weight: 1, arbitrary: fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://example.com/x', 'http://', 'https://evil.example/<!channel>', 'https://evil.example/|x>', 'mailto:x@example.com', '//evil.example', 'http:evil.example') },
    { weight: 1, arbitrary: hostileText(30) },
  );
  return fc.array(one, { maxLength: 12 }).chain((links) => fc.constantFrom(' ', '\n', ',', ', ').map((sep) => links.join(sep)));
}

/** Platform user ids: people in the example directory, strangers, and junk. */
export function userIdOf(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom('U0NOBODY01', 'ou_00000000000000000000000000000000', '') },
    { weight: 1, arbitrary: hostileText(20) },
  );
}
