import { describe, expect, it } from 'vitest';
import { formValues, intentOf } from '../../../adapters/feishu/normalize/card-action.js';
import { commandFromMenuKey, parseCommandLine } from '../../../adapters/feishu/normalize/command.js';
import { typedText, type ReceivedMessage } from '../../../adapters/feishu/normalize/message-text.js';

const message = (type: string, content: unknown, mentions: ReceivedMessage['mentions'] = []): ReceivedMessage => ({
  message_id: 'om_1', chat_id: 'oc_1', chat_type: 'group', message_type: type, content: JSON.stringify(content), mentions,
});

describe('reading what was typed', () => {
  it('drops the leading mention of the bot and names the other mentions', () => {
    const mentions = [{ key: '@_user_1', name: 'Baton' }, { key: '@_user_2', name: '赵敏' }];
    expect(typedText(message('text', { text: '@_user_1  /request matter="问 @_user_2"' }, mentions))).toBe('/request matter="问 @赵敏"');
  });

  it('reads formatted messages (posts) paragraph by paragraph', () => {
    const post = { title: '', content: [[{ tag: 'at', user_id: '@_user_1', user_name: 'Baton' }, { tag: 'text', text: '/request ' }, { tag: 'text', text: 'matter=a', style: ['bold'] }], [{ tag: 'a', text: '链接', href: 'https://x' }]] };
    expect(typedText(message('post', post, [{ key: '@_user_1', name: 'Baton' }]))).toBe('/request matter=a\n链接');
  });

  it('ignores images, files and stickers', () => {
    expect(typedText(message('image', { image_key: 'img_v2_1' }))).toBeNull();
  });

  it('takes a full-width slash from a Chinese keyboard, and menu keys with or without one', () => {
    expect(parseCommandLine('／my')).toEqual({ name: 'my', args: '' });
    expect(parseCommandLine('hello /my')).toBeNull();
    expect(commandFromMenuKey('request')).toEqual({ name: 'request', args: '' });
    expect(commandFromMenuKey('/help')).toEqual({ name: 'help', args: '' });
    expect(commandFromMenuKey('  ')).toBeNull();
  });
});

describe('reading a click', () => {
  it('turns form values into what the core reads', () => {
    expect(formValues({ by: '2026-12-15 +0800', dept: 'it', note: '', tags: ['a', 'b'], n: 3 })).toEqual({ by: '2026-12-15', dept: 'it', note: undefined, tags: 'a,b', n: '3' });
  });

  it('knows only the values Baton put on its buttons', () => {
    expect(intentOf({ value: { baton: 'action', id: 'wf:x' } })).toEqual({ kind: 'inbound', inbound: { type: 'action', actionId: 'wf:x' } });
    expect(intentOf({ value: '{"baton":"restore"}' })).toEqual({ kind: 'restore' });
    expect(intentOf({ value: { key: 'value' } })).toBeNull();
    expect(intentOf(undefined)).toBeNull();
  });
});
