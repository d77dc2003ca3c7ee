// Times as the night reads them: in the event's time zone (Asia/Shanghai unless the admin set another),
// whatever zone the laptop or phone showing them is set to — so the operator's list, the admin's ledger
// and the CSV export agree to the second.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// The zone of the event the page shows (EventView.timeZone): a page shows one event at a time, and
// every time on it is said in that event's zone.
let eventZone = DEFAULT_TIME_ZONE;

/** Called when the page (re)reads its event; a missing zone means Beijing time. */
export function setEventTimeZone(timeZone: string | undefined): void {
  eventZone = timeZone || DEFAULT_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    if (withDate) Object.assign(options, { year: 'numeric', month: '2-digit', day: '2-digit' });
    try {
      cached = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      // An unknown zone name (an old browser's time-zone table): the event's own offset is unknowable
      // here, so say the time in the device's zone rather than nothing.
      cached = new Intl.DateTimeFormat('en-CA', options);
    }
    formatters.set(key, cached);
  }
  return cached;
}

function parts(date: Date, timeZone: string, withDate: boolean): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of formatter(timeZone, withDate).formatToParts(date)) found[part.type] = part.value;
  return found;
}

/** "20:15:03" in the event's zone; '' for a value that is not a time. */
export function clockTime(iso: string, timeZone = eventZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date, timeZone, false);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "2026-12-31 20:15:03" in the event's zone, as the CSV export writes it; '' for a value that is not a time. */
export function clockDateTime(iso: string, timeZone = eventZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date, timeZone, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * The moment a `datetime-local` box names ("2026-12-31T20:15", seconds optional) read in the event's
 * zone, as ISO 8601 UTC — what the admin's ledger search sends; undefined for a value that is not one.
 */
export function eventLocalToIso(local: string, timeZone = eventZone): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  // The zone's offset at that moment: the wall time it shows for a guess, less the guess; once more
  // from the corrected guess, for a clock change between the two.
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}

function offsetAt(utcMs: number, timeZone: string): number {
  const p = parts(new Date(utcMs), timeZone, true);
  const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return shown - Math.floor(utcMs / 1000) * 1000;
}
