// The create form and the edit form of an event's set-up: title, goal, tiers, milestones, each amount
// box with a line that shows, as the admin types, what the server will store or what is wrong.

import type { EventView } from '../../../lib/api';
import { button, el, field, input, textarea } from '../../../lib/dom';
import { NO_CAP, editableAmount, editableList } from '../amounts';
import { previewAmount, previewList, type Preview, type SetupField, type SetupText } from '../setup';

function previewLine(): HTMLSpanElement {
  return el('span', { class: 'preview' });
}

function show(line: HTMLElement, preview: Preview): void {
  line.textContent = preview.text;
  line.dataset.tone = preview.tone;
}

/** `create` has the id box and test ids `create-*`; `edit` has `edit-*` and 保存. */
export function setupFormView(kind: 'create' | 'edit') {
  const id = input('create-id', 'admin.idHint', { autocapitalize: 'off', maxlength: '40' });
  const title = input(`${kind}-title`, undefined, { maxlength: '100' });
  const goal = input(`${kind}-goal`, 'admin.goalHint');
  const tiers = textarea(`${kind}-tiers`, 'admin.listHint');
  const milestones = textarea(`${kind}-milestones`, 'admin.listHint');
  const previews = { goal: previewLine(), tiers: previewLine(), milestones: previewLine() };
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const submit = kind === 'create'
    ? button('admin.createEvent', 'primary', 'create-submit', 'submit')
    : button('common.save', 'primary', 'save-event', 'submit');
  const form = el('form', { class: 'card form-card', attrs: { novalidate: '' } },
    el('h2', { i18n: kind === 'create' ? 'admin.createEvent' : 'admin.editEvent' }),
    kind === 'create'
      ? el('div', { class: 'grid-2' }, field('admin.eventId', id), field('admin.eventTitle', title))
      : field('admin.eventTitle', title),
    field('admin.goal', goal, previews.goal),
    field('admin.tiers', tiers, previews.tiers),
    field('admin.milestones', milestones, previews.milestones),
    message,
    el('div', { class: 'actions' }, submit));
  const boxes: Record<SetupField, HTMLInputElement | HTMLTextAreaElement> = { goal, tiers, milestones };

  function updatePreviews(): void {
    show(previews.goal, previewAmount(goal.value));
    show(previews.tiers, previewList(tiers.value));
    show(previews.milestones, previewList(milestones.value, NO_CAP));
  }
  for (const box of Object.values(boxes)) box.addEventListener('input', updatePreviews);

  return {
    form,
    message,
    submit,
    updatePreviews,
    eventId: (): string => id.value.trim(),
    read: (): SetupText => ({ title: title.value, goal: goal.value, tiers: tiers.value, milestones: milestones.value }),
    focus: (which: SetupField): void => boxes[which].focus(),
    fill(event: EventView): void {
      title.value = event.title;
      goal.value = editableAmount(event.goalFen);
      tiers.value = editableList(event.tiersFen);
      milestones.value = editableList(event.milestonesFen);
      updatePreviews();
    },
    reset(): void {
      form.reset();
      updatePreviews();
    },
  };
}

export type SetupFormView = ReturnType<typeof setupFormView>;
