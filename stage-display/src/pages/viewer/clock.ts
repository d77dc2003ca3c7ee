// Times on the phone are the phone's local wall clock, hours and minutes: the same in both languages.

/** `20:05` for an ISO instant, in the phone's time zone; empty when the text is not a time. */
export function hoursMinutes(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
