// Step-through state shared by the live components: a position in a list of steps, play and
// pause, and the keys every stepper answers to (arrows, Home, End, Space).
import {useCallback, useEffect, useRef, useState, type KeyboardEvent} from 'react';
import {flushSync} from 'react-dom';

export interface Stepper {
  /** -1 before the first step. */
  readonly index: number;
  readonly playing: boolean;
  readonly atStart: boolean;
  readonly atEnd: boolean;
  next(): void;
  back(): void;
  restart(): void;
  toEnd(): void;
  togglePlay(): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

export function useStepper(length: number, intervalMs = 900): Stepper {
  const [index, setIndex] = useState(-1);
  const [playing, setPlaying] = useState(false);
  const last = length - 1;

  // A new list of steps (the reader changed an input) starts from the beginning.
  useEffect(() => {
    setIndex(-1);
    setPlaying(false);
  }, [length]);

  useEffect(() => {
    if (!playing) return undefined;
    if (index >= last) {
      setPlaying(false);
      return undefined;
    }
    const timer = setTimeout(() => setIndex((i) => Math.min(i + 1, last)), intervalMs);
    return () => clearTimeout(timer);
  }, [playing, index, last, intervalMs]);

  const next = useCallback(() => setIndex((i) => Math.min(i + 1, last)), [last]);
  const back = useCallback(() => setIndex((i) => Math.max(i - 1, -1)), []);
  const restart = useCallback(() => {
    setPlaying(false);
    setIndex(-1);
  }, []);
  const toEnd = useCallback(() => {
    setPlaying(false);
    setIndex(last);
  }, [last]);
  const togglePlay = useCallback(() => {
    setPlaying((p) => {
      if (!p && index >= last) setIndex(-1);
      return !p;
    });
  }, [index, last]);

  // On paper a stepper nobody has started would show an empty figure and "press Next": it prints
  // at its last step instead (the whole figure, the totals), and is back at the start after. The
  // render must be synchronous: the browser lays the page out for print as soon as
  // `beforeprint` returns.
  const indexNow = useRef(index);
  useEffect(() => {
    indexNow.current = index;
  }, [index]);
  useEffect(() => {
    if (last < 0) return undefined;
    let movedForPrint = false;
    const before = () => {
      if (indexNow.current >= 0) return;
      movedForPrint = true;
      flushSync(() => setIndex(last));
    };
    const after = () => {
      if (!movedForPrint) return;
      movedForPrint = false;
      setIndex(-1);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [last]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // Keys typed into a field belong to the field.
      if ((event.target as HTMLElement).closest('input, select, textarea')) return;
      const actions: Record<string, () => void> = {
        ArrowRight: next,
        ArrowDown: next,
        ArrowLeft: back,
        ArrowUp: back,
        Home: restart,
        End: toEnd,
        ' ': togglePlay,
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    },
    [next, back, restart, toEnd, togglePlay],
  );

  return {index, playing, atStart: index < 0, atEnd: index >= last, next, back, restart, toEnd, togglePlay, onKeyDown};
}
