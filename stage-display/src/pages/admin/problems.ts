// A refusal as one line for a card's message: the server's title, then each field in the page's words.

import { describeProblem, type Problem } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  id: 'admin.eventId',
  title: 'admin.eventTitle',
  goalFen: 'admin.goal',
  tiersFen: 'admin.tiers',
  milestonesFen: 'admin.milestones',
  deskId: 'admin.deskId',
  name: 'admin.deskName',
  roundTitle: 'admin.roundTitle',
  reason: 'admin.voidReason',
};

export function problemText(problem: Problem): string {
  return describeProblem(problem, Object.fromEntries(Object.entries(FIELD_LABELS).map(([name, key]) => [name, t(key)])));
}
