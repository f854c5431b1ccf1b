// The app's outermost component (Docusaurus's Root, which renders only its children). Its effect
// runs once, after the first page has hydrated: it hands live components what a reader typed
// before the scripts started (earlyInput.ts), then reveals the rest of a long article a frame's
// worth at a time (reveal.ts), and readies the page for printing (print.ts). It also holds the
// machine the model's costs are priced for (the course's defaults, or the reader's lab report),
// so the choice lasts across pages.
import React, {useEffect, type ReactNode} from 'react';
import type {Props} from '@theme/Root';
import {replayEarlyInput} from '@site/src/components/shared/earlyInput';
import {MachineProvider} from '@site/src/components/shared/machine';
import {prepareForPrint} from './print';
import {revealProgressively} from './reveal';

export default function Root({children}: Props): ReactNode {
  useEffect(() => {
    replayEarlyInput(document);
    const stopPrint = prepareForPrint(window);
    const stopReveal = revealProgressively(document);
    return () => {
      stopPrint();
      stopReveal();
    };
  }, []);
  return <MachineProvider>{children}</MachineProvider>;
}
