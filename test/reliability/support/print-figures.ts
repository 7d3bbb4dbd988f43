// Turns the figures a suite run recorded (BATON_RELIABILITY_FIGURES=<file>) into the Markdown
// tables of RELIABILITY.md: `npx tsx test/reliability/support/print-figures.ts <file>`.
import { readFileSync } from 'node:fs';
import type { Figure } from './figures.js';

type BadInput = Extract<Figure, { section: 'bad-input' }>;
type Attack = Extract<Figure, { section: 'attacks' }>;

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx test/reliability/support/print-figures.ts <figures.jsonl>');
  process.exit(2);
}
// A property or attack run again (after a fix) replaces its earlier figure.
const keyOf = (f: Figure) => (f.section === 'injection' ? 'injection' : `${f.section}:${f.name}`);
const figures = [...new Map(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure).map((f) => [keyOf(f), f] as const)).values()];

const fuzzed = figures.filter((f): f is BadInput => f.section === 'bad-input');
console.log('| parser / property | cases | seconds | note |\n| --- | ---: | ---: | --- |');
for (const f of fuzzed) console.log(`| ${f.name} | ${f.cases.toLocaleString('en')} | ${f.seconds} | ${f.detail ?? ''} |`);
console.log(`| **total** | **${fuzzed.reduce((sum, f) => sum + f.cases, 0).toLocaleString('en')}** | | |\n`);

const attacks = figures.filter((f): f is Attack => f.section === 'attacks');
const yes = (b: boolean) => (b ? 'yes' : '**no**');
console.log('| attack | platform | refused | state changed | logged |\n| --- | --- | --- | --- | --- |');
for (const a of attacks) console.log(`| ${a.name} | ${a.platform} | ${yes(a.refused)} | ${a.stateChanged ? '**yes**' : 'no'} | ${yes(a.logged)} |`);
const count = (p: (a: Attack) => boolean) => attacks.filter(p).length;
for (const i of figures.filter((f): f is Extract<Figure, { section: 'injection' }> => f.section === 'injection')) {
  console.log(`\ninjection: ${i.textFields} free-text fields filled with markup over ${i.submissions} submissions (${i.instances} instances); ${i.slackMessages} Slack and ${i.feishuMessages} Feishu messages inspected`);
}
console.log(`\nattacks tried: ${attacks.length}; refused: ${count((a) => a.refused)}; state changes: ${count((a) => a.stateChanged)}; logged: ${count((a) => a.logged)}`);
