// The one way this page shows a moment: local wall-clock time, 24-hour, to the second, the same in
// both languages, so the ledger, the audit and the orders read alike side by side.

export function clock(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
