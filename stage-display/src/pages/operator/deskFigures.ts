// This desk's own figures, from the server's list of what the desk recorded (voided pledges do not
// count). The list is capped; when it is full the figures are for the latest pledges only, and say so.

import type { DeskPledge } from '../../lib/api';

/** How many of the desk's pledges the console asks for: the server's largest page. */
export const DESK_LIST_LIMIT = 500;

/** How many of them the list shows. */
export const DESK_LIST_SHOWN = 50;

export interface DeskFigures {
  count: number;
  subtotalFen: number;
  /** False when the server's list was full: older pledges may be missing from the figures. */
  complete: boolean;
}

export function deskFigures(rows: readonly DeskPledge[], limit = DESK_LIST_LIMIT): DeskFigures {
  const confirmed = rows.filter((row) => row.pledge.status !== 'voided');
  return {
    count: confirmed.length,
    subtotalFen: confirmed.reduce((sum, row) => sum + row.pledge.amountFen, 0),
    complete: rows.length < limit,
  };
}
