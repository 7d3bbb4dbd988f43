import type { Card } from '../../src/cards/model.js';
import type { ButtonNumbers } from './button-numbers.js';

const TONE_MARK: Record<Card['tone'], string> = {
  neutral: '·', info: 'ℹ', success: '✔', warning: '!', danger: '✖', red: '🔴', orange: '🟠', yellow: '🟡',
};

/** A card as terminal text, buttons numbered so they can be pressed by typing the number. */
export function renderCardText(card: Card, numbers: ButtonNumbers, noActions: string, indent = '  '): string {
  const lines = [`${indent}┌─ ${TONE_MARK[card.tone]} ${oneLine(card.title)}`];
  for (const field of card.fields) {
    const value = field.value.split('\n').join(`\n${indent}│    `);
    lines.push(`${indent}│ ${field.label}: ${value}`);
  }
  for (const link of card.links) lines.push(`${indent}│ 🔗 ${link.url}`);
  lines.push(`${indent}│ ${card.context.join(' · ')}`);
  const buttons = card.actions.map((a) => `[${numbers.number(a.id)}] ${a.label}${a.style === 'primary' ? ' ★' : ''}`);
  lines.push(`${indent}└─ ${buttons.length ? buttons.join('   ') : noActions}`);
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
