const soundKey = 'runde:timer-sound';

/** Whether this device beeps when a timer runs out: off unless the person turned it on here. */
export function loadSoundPreference(): boolean {
  try {
    return localStorage.getItem(soundKey) === 'on';
  } catch {
    return false;
  }
}

export function saveSoundPreference(on: boolean): void {
  try {
    localStorage.setItem(soundKey, on ? 'on' : 'off');
  } catch {
    // Without storage the choice lasts for this visit.
  }
}

let context: AudioContext | undefined;

/**
 * Prepares audio. Browsers only allow sound after a gesture on the page, so this runs when the
 * person turns the sound on; the beep at zero then plays without one.
 */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = undefined;
  }
}

/** Three short, soft beeps. */
export function beep(): void {
  if (!context) unlockAudio();
  if (!context) return;
  const start = context.currentTime + 0.05;
  for (let i = 0; i < 3; i += 1) {
    const at = start + i * 0.3;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.22);
  }
}

/** A short buzz on phones that allow it (not iOS Safari, and never without a gesture in Chrome first). */
export function vibrate(): void {
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    // Refused by the browser: the visual alert and the announcement remain.
  }
}
