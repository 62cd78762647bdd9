import type { ReadonlySignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { TimeState } from '../../utils/agenda/pacing';
import { useSyncEffect } from './use-sync-effect';

/**
 * A soft two-note tone when a step reaches its last minute and when it runs out: made in the
 * panel with Web Audio, so only the coach's speakers play it (the call's microphone may still
 * pick it up, which is why it is off by default). Nothing is fetched.
 */
export function useChime(state: ReadonlySignal<TimeState>, enabled: ReadonlySignal<boolean>) {
  const last = useRef<TimeState | null>(null);
  useSyncEffect(() => {
    const now = state.value;
    const before = last.current;
    last.current = now;
    if (!enabled.value || before === null || before === now) return;
    if (now === 'last-minute' || now === 'over') play(now === 'over' ? 440 : 660);
  });
}

let audio: AudioContext | null = null;

function play(frequency: number) {
  try {
    audio ??= new AudioContext();
    const gain = audio.createGain();
    gain.connect(audio.destination);
    const start = audio.currentTime;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.08, start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
    const tone = audio.createOscillator();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(frequency, start);
    tone.connect(gain);
    tone.start(start);
    tone.stop(start + 0.6);
  } catch {
    // No audio device, or the browser refused: the visible state and the announcement remain.
  }
}
