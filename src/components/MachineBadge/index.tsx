// Says, beside an estimate, that it is priced with the reader's own lab report rather than the
// course's defaults, and links to where that was chosen. Renders nothing for the defaults: the
// components already say where their default figures come from.
import React from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import {useMachine} from '@site/src/components/shared/machine';
import styles from './styles.module.css';

export default function MachineBadge(): React.ReactNode {
  const {report} = useMachine();
  if (report === null) return null;
  return (
    <p className={styles.badge} data-machine-badge="lab">
      <Translate
        id="machineBadge.text"
        values={{
          machine: `${report.machine.cpuModel}, ${report.machine.kernel}`,
          date: report.generatedAt.slice(0, 10),
          link: (
            <Link to="/docs/lab">
              <Translate id="machineBadge.link">change on the lab page</Translate>
            </Link>
          ),
        }}>
        {'Times priced for your machine ({machine}, measured {date}) from your lab report; {link}.'}
      </Translate>
    </p>
  );
}
