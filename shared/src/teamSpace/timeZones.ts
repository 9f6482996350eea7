/** Whether `Intl` knows the IANA zone (the runtime's tz database is the list of zones we accept). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
