import { el } from './dom.js';

/** How the switcher names a person: name, id, departments (heads marked) and roles. */
export function describePerson(person, headLabel) {
  const departments = person.departments.map((d) => (d.head ? `${d.name} (${headLabel})` : d.name)).join(', ');
  const roles = person.roles.length ? ` [${person.roles.join(', ')}]` : '';
  return `${person.name} (${person.id}) · ${departments}${roles}`;
}

/** Fills the person switcher with the directory; the acting person is selected. */
export function fillPeople(select, people, meId, headLabel) {
  select.replaceChildren(
    ...people.map((person) => el('option', { text: describePerson(person, headLabel), attrs: { value: person.id } })),
  );
  select.value = meId;
}
