import React from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {Region, Step} from '@site/src/model/types';
import {regionName} from './describe';
import styles from './styles.module.css';

// Fixed layout: user space on top, the kernel in the middle, devices at the bottom.
const BOX = {width: 150, height: 52};
const POSITIONS: Record<Region, {x: number; y: number}> = {
  'user-buffer': {x: 300, y: 52},
  'page-cache': {x: 135, y: 160},
  'socket-buffer': {x: 465, y: 160},
  disk: {x: 135, y: 272},
  nic: {x: 465, y: 272},
};
const BANDS = [
  {id: 'user', y: 4, height: 96, label: () => translate({id: 'dataPath.userSpace', message: 'User space'})},
  {id: 'kernel', y: 108, height: 104, label: () => translate({id: 'dataPath.kernelSpace', message: 'Kernel'})},
  {id: 'hardware', y: 220, height: 104, label: () => translate({id: 'dataPath.hardware', message: 'Devices'})},
] as const;

/** Where the line from one box's centre towards another leaves the box's edge. */
function edgePoint(from: Region, to: Region): {x: number; y: number} {
  const a = POSITIONS[from];
  const b = POSITIONS[to];
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const scale = Math.min(
    dx === 0 ? Infinity : (BOX.width / 2 + 6) / Math.abs(dx),
    dy === 0 ? Infinity : (BOX.height / 2 + 6) / Math.abs(dy),
  );
  return {x: a.x + dx * scale, y: a.y + dy * scale};
}

function activeRegions(step: Step | null): Region[] {
  if (!step) return [];
  if (step.kind === 'copy' || step.kind === 'descriptor') return [step.from, step.to];
  if (step.kind === 'interrupt') return [step.source];
  return [];
}

function activeBand(step: Step | null): 'user' | 'kernel' | null {
  if (!step) return null;
  if (step.kind === 'mode-switch') return step.direction === 'user-to-kernel' ? 'kernel' : 'user';
  if (step.kind === 'page-fault') return 'user';
  return null;
}

interface Props {
  readonly step: Step | null;
  /** Changes on every step so the moving token restarts. */
  readonly stepKey: number;
  readonly animate: boolean;
}

export default function Diagram({step, stepKey, animate}: Props): React.ReactNode {
  const regions = activeRegions(step);
  const band = activeBand(step);
  const arrow =
    step && (step.kind === 'copy' || step.kind === 'descriptor')
      ? {start: edgePoint(step.from, step.to), end: edgePoint(step.to, step.from)}
      : null;
  const engineClass =
    step?.kind === 'copy' ? (step.engine === 'cpu' ? styles.cpu : styles.dma) : step?.kind === 'descriptor' ? styles.descriptor : '';
  return (
    <svg className={styles.diagram} viewBox="0 0 600 330" aria-hidden="true" focusable="false">
      <defs>
        <marker id="zc-arrow-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
        </marker>
      </defs>
      {BANDS.map((b) => (
        <g key={b.id}>
          <rect
            className={clsx(styles.band, styles[`band-${b.id}`], band === b.id && styles.bandActive)}
            x={4}
            y={b.y}
            width={592}
            height={b.height}
            rx={8}
          />
          <text className={styles.bandLabel} x={14} y={b.y + 20}>
            {b.label()}
          </text>
        </g>
      ))}
      {(Object.keys(POSITIONS) as Region[]).map((region) => {
        const {x, y} = POSITIONS[region];
        return (
          <g key={region} className={clsx(styles.box, regions.includes(region) && styles.boxActive)}>
            <rect x={x - BOX.width / 2} y={y - BOX.height / 2} width={BOX.width} height={BOX.height} rx={6} />
            <text x={x} y={y + 5} textAnchor="middle">
              {regionName(region)}
            </text>
          </g>
        );
      })}
      {arrow && (
        <g className={clsx(styles.arrow, engineClass, step?.kind === 'copy' && step.async && styles.async)}>
          <line x1={arrow.start.x} y1={arrow.start.y} x2={arrow.end.x} y2={arrow.end.y} markerEnd="url(#zc-arrow-head)" />
          {animate && (
            <circle key={stepKey} r={7} className={styles.token}>
              <animateMotion
                dur="0.7s"
                fill="freeze"
                path={`M ${arrow.start.x} ${arrow.start.y} L ${arrow.end.x} ${arrow.end.y}`}
              />
            </circle>
          )}
        </g>
      )}
      {step?.kind === 'interrupt' && (
        <text className={styles.irq} x={POSITIONS[step.source].x + BOX.width / 2 - 4} y={POSITIONS[step.source].y - BOX.height / 2 - 6} textAnchor="end">
          IRQ
        </text>
      )}
      {step?.kind === 'mode-switch' && (
        <g className={styles.modeSwitch}>
          <line x1={560} y1={step.direction === 'user-to-kernel' ? 70 : 150} x2={560} y2={step.direction === 'user-to-kernel' ? 150 : 70} markerEnd="url(#zc-arrow-head)" />
          <text x={548} y={114} textAnchor="end">
            {step.syscall}()
          </text>
        </g>
      )}
    </svg>
  );
}
