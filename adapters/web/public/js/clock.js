import { post } from './api.js';
import { t } from './i18n.js';

/**
 * The clock control: shows the playground's time and moves it on. Moving waits until every
 * reminder and escalation that fell due has fired and arrived, so they are on the page when
 * the buttons come back.
 */
export function createClockControl({ output, buttons, form, input, status, me, locale }) {
  const show = (clock) => {
    output.textContent = clock.label[locale()] ?? clock.label.en;
    output.setAttribute('data-iso', clock.iso);
  };

  async function move(step, value) {
    const controls = [...buttons, ...form.querySelectorAll('button, input')];
    controls.forEach((control) => (control.disabled = true));
    status.textContent = t('web.clock.moving');
    status.classList.remove('error');
    try {
      show(await post('/api/clock', { as: me(), step, ...(value ? { value } : {}) }));
      status.textContent = '';
      input.value = step === 'custom' ? '' : input.value;
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('error');
    } finally {
      controls.forEach((control) => (control.disabled = false));
    }
  }

  for (const button of buttons) button.addEventListener('click', () => move(button.dataset.step));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) move('custom', input.value.trim());
  });
  return { show };
}
