import { get, post } from './api.js';
import { createClockControl } from './clock.js';
import { confirmAction } from './confirm.js';
import { renderConversations } from './conversations.js';
import { applyTexts, setTexts, t } from './i18n.js';
import { describePerson, fillPeople } from './people.js';
import { openForm } from './render-form.js';
import { renderMessage } from './render-message.js';

const $ = (id) => document.getElementById(id);

const state = {
  /** The acting person (the server's person view). */
  me: null,
  timeZone: 'UTC',
  /** The open conversation's id, `@person` or `#department`. */
  current: null,
  conversations: [],
  /** `${person}|${conversation}` → newest seq seen, so switching back and forth keeps dots right. */
  seen: new Map(),
  /** message id → its list item, for updates in place. */
  shown: new Map(),
  events: null,
};

const clock = createClockControl({
  output: $('clock-now'),
  buttons: [...document.querySelectorAll('[data-step]')],
  form: $('clock-custom'),
  input: $('clock-value'),
  status: $('clock-status'),
  me: () => state.me.id,
  locale: () => state.me.locale,
});

const seenKey = (id) => `${state.me.id}|${id}`;
const unread = (conversation) => conversation.latestSeq > (state.seen.get(seenKey(conversation.id)) ?? 0);

function showSidebar() {
  renderConversations({ direct: $('direct-list'), channels: $('channel-list') }, state.conversations, {
    current: state.current,
    unread,
    open: (id) => openConversation(id).catch((error) => showProblem(t('web.failed', { error: error.message }))),
  });
}

function showProblem(text) {
  const status = $('status');
  status.textContent = text;
  status.hidden = !text;
}

/** Shows a message in the open conversation: a new one at the end, a changed one in its place. */
function upsert(message) {
  if (message.conversationId !== state.current) return noteElsewhere(message);
  const node = renderMessage(message, { timeZone: state.timeZone, press });
  const old = state.shown.get(message.id);
  if (old) old.replaceWith(node);
  else $('messages').append(node);
  state.shown.set(message.id, node);
  $('empty').hidden = true;
  state.seen.set(seenKey(message.conversationId), Math.max(message.seq, state.seen.get(seenKey(message.conversationId)) ?? 0));
  if (!old) node.scrollIntoView({ block: 'nearest' });
}

function noteElsewhere(message) {
  const conversation = state.conversations.find((c) => c.id === message.conversationId);
  if (!conversation) return;
  conversation.latestSeq = Math.max(conversation.latestSeq, message.seq);
  showSidebar();
}

async function openConversation(id) {
  state.current = id;
  const messages = await get('/api/messages', { as: state.me.id, conversation: id });
  if (state.current !== id) return;
  state.shown.clear();
  $('messages').replaceChildren();
  const conversation = state.conversations.find((c) => c.id === id);
  $('conversation-title').textContent = conversation?.name ?? id;
  $('empty').hidden = messages.length > 0;
  for (const message of messages) upsert(message);
  if (conversation) state.seen.set(seenKey(id), Math.max(conversation.latestSeq, state.seen.get(seenKey(id)) ?? 0));
  showSidebar();
}

/** Acts in the open conversation and follows the answer: a form to fill, or a message to show. */
async function act(path, body) {
  const conversation = state.current;
  const send = (p, b) => post(p, { as: state.me.id, conversation, ...b });
  showProblem('');
  try {
    const outcome = await send(path, body);
    if (outcome.kind === 'posted') return upsert(outcome.message);
    if (outcome.kind === 'form') {
      await openForm($('form-dialog'), outcome.form, async (formId, values) => {
        const next = await send('/api/submit', { formId, values });
        if (next.kind === 'posted') upsert(next.message);
        return next;
      });
    }
  } catch (error) {
    showProblem(t('web.failed', { error: error.message }));
  }
}

async function press(action, button) {
  if (action.confirm && !(await confirmAction($('confirm-dialog'), action.confirm))) return;
  button.disabled = true;
  await act('/api/press', { actionId: action.id });
  button.disabled = false;
}

/** Live updates for the acting person: their messages, the channels', and the clock. */
function listen() {
  state.events?.close();
  const events = new EventSource(`/api/events?${new URLSearchParams({ as: state.me.id })}`);
  let lost = false;
  events.addEventListener('message', (event) => upsert(JSON.parse(event.data)));
  events.addEventListener('clock', (event) => clock.show(JSON.parse(event.data)));
  events.addEventListener('error', () => {
    lost = true;
    $('connection').hidden = false;
  });
  events.addEventListener('open', () => {
    $('connection').hidden = true;
    // What happened while the stream was down is fetched again.
    if (lost && state.current) void openConversation(state.current);
    lost = false;
  });
  state.events = events;
}

/** Acts as another person: their language, their direct messages, their buttons. */
async function actAs(id) {
  delete document.body.dataset.ready;
  const session = await get('/api/session', { as: id });
  state.me = session.me;
  state.timeZone = session.company.timezone;
  // The tab remembers its person: a reload, or a copied address, comes back as them.
  sessionStorage.setItem('baton.as', state.me.id);
  history.replaceState(null, '', `?${new URLSearchParams({ as: state.me.id })}`);
  setTexts(session.texts, state.me.locale);
  applyTexts();
  document.title = `${t('web.title')} · ${session.company.name}`;
  $('company').textContent = session.company.name;
  const [people, conversations] = await Promise.all([
    get('/api/people', { as: state.me.id }),
    get('/api/conversations', { as: state.me.id }),
  ]);
  fillPeople($('person'), people, state.me.id, t('web.head'));
  $('person-details').textContent = describePerson(state.me, t('web.head'));
  clock.show(session.clock);
  state.conversations = conversations;
  // A channel stays open across a switch; direct messages are the new person's own.
  const keep = state.current?.startsWith('#') ? state.current : conversations[0].id;
  listen();
  await openConversation(keep);
  document.body.dataset.ready = state.me.id;
}

$('person').addEventListener('change', (event) => {
  actAs(event.target.value).catch((error) => showProblem(t('web.failed', { error: error.message })));
});
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('command');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void act('/api/command', { text });
});
for (const chip of document.querySelectorAll('[data-command]')) {
  chip.addEventListener('click', () => void act('/api/command', { text: chip.dataset.command }));
}

const requested = new URLSearchParams(location.search).get('as') ?? sessionStorage.getItem('baton.as') ?? '';
actAs(requested).catch(() => actAs(''));
