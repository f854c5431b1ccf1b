// Every method of chapters 3-7 in one table, computed by the model (src/model/overview.ts) for
// one transfer: the calls, mode switches and copies it costs, what must hold for it, and the
// Linux release that brought it. Static: the chapter's live components do the exploring.
import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {formatBytesForReader} from '@site/src/components/shared/format';
import {methodOverview, type OverviewInput, type Requirement} from '@site/src/model/overview';
import {formatCount} from '@site/src/model/units';
import styles from './styles.module.css';

const CHAPTER_SLUGS: Record<number, string> = {
  3: 'read-write',
  4: 'sendfile',
  5: 'scatter-gather',
  6: 'mmap-and-java-nio',
  7: 'beyond-sendfile',
};

function requirementText(requirement: Requirement): string {
  switch (requirement) {
    case 'regular-file':
      return translate({id: 'overview.req.regularFile', message: 'the source is a regular file'});
    case 'file-not-truncated':
      return translate({id: 'overview.req.notTruncated', message: 'nobody truncates the file meanwhile (SIGBUS)'});
    case 'nic-sg-csum':
      return translate({id: 'overview.req.nicSgCsum', message: 'a NIC with scatter-gather and checksum offload'});
    case 'pipe-end':
      return translate({id: 'overview.req.pipe', message: 'one end of each call is a pipe'});
    case 'same-fs-type':
      return translate({id: 'overview.req.sameFs', message: 'both files on filesystems of the same type (since 5.19)'});
    case 'reflink-fs':
      return translate({id: 'overview.req.reflink', message: 'a filesystem that shares blocks (Btrfs, XFS)'});
    case 'so-zerocopy':
      return translate({id: 'overview.req.soZerocopy', message: 'SO_ZEROCOPY set on the socket'});
    case 'buffer-untouched':
      return translate({id: 'overview.req.untouched', message: 'the buffer untouched until its completion'});
    case 'locked-memory':
      return translate({id: 'overview.req.locked', message: 'room under the locked-memory limit (else ENOBUFS)'});
    case 'io-uring':
      return translate({id: 'overview.req.ioUring', message: 'an io_uring instance'});
    case 'tls-handshake-user':
      return translate({id: 'overview.req.tlsHandshake', message: 'the TLS handshake done in user space, keys handed over'});
    case 'nic-tls-offload':
      return translate({id: 'overview.req.tlsOffload', message: 'a NIC with TLS offload'});
  }
}

export default function MethodOverview({fileBytes, bufferBytes, pageCache}: OverviewInput): React.ReactNode {
  const rows = methodOverview({fileBytes, bufferBytes, pageCache});
  const dash = '—';
  const count = (value: number | undefined) => (value === undefined ? dash : formatCount(value));
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={translate({id: 'overview.label', message: 'Every method side by side'})}>
      <table className={styles.table}>
        <caption>
          <Translate
            id="overview.caption"
            values={{size: formatBytesForReader(fileBytes), buffer: formatBytesForReader(bufferBytes), cache: pageCache === 'hit' ? translate({id: 'overview.warm', message: 'already cached'}) : translate({id: 'overview.cold', message: 'not cached'})}}>
            {'{size} of data, pieces of {buffer}, file {cache}; computed by the course\u2019s model.'}
          </Translate>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="overview.method">Method</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.since">Linux</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.syscalls">System calls</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.modeSwitches">Mode switches</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.dmaCopies">DMA copies</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.cpuCopies">CPU copies</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.cpuBytes">Bytes copied by the CPU</Translate>
            </th>
            <th scope="col">
              <Translate id="overview.requires">What must hold</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.method} data-overview-row={row.method}>
              <th scope="row">
                <code>{row.label}</code>{' '}
                <Link to={`/docs/${CHAPTER_SLUGS[row.chapter]}/`} className={styles.chapter}>
                  <Translate id="overview.chapter" values={{n: row.chapter}}>
                    {'ch. {n}'}
                  </Translate>
                </Link>
                {row.from === 'user-memory' && (
                  <span className={styles.note}>
                    <Translate id="overview.fromUser">data in user memory</Translate>
                  </span>
                )}
                {row.to === 'file' && (
                  <span className={styles.note}>
                    <Translate id="overview.toFile">file to file</Translate>
                  </span>
                )}
              </th>
              <td>{row.since ?? translate({id: 'overview.always', message: 'always'})}</td>
              <td>{row.summary === null ? translate({id: 'overview.batched', message: 'batched'}) : count(row.summary.syscalls)}</td>
              <td>{count(row.summary?.modeSwitches)}</td>
              <td>{count(row.summary?.dmaCopies)}</td>
              <td>{count(row.summary?.cpuCopies)}</td>
              <td>{row.summary === null ? dash : formatBytesForReader(row.summary.cpuBytes)}</td>
              <td className={styles.requires}>{row.requires.length === 0 ? dash : row.requires.map(requirementText).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
