// Stand-in for @docusaurus/Translate in unit tests: the English message with {values} filled in.
import React from 'react';

type Values = Record<string, React.ReactNode>;

function interpolate(message: string, values?: Values): string {
  return message.replace(/\{(\w+)\}/g, (match, key: string) =>
    values && key in values ? String(values[key]) : match,
  );
}

export function translate({message}: {id?: string; message: string; description?: string}, values?: Values): string {
  return interpolate(message, values);
}

export default function Translate({
  children,
  values,
}: {
  id?: string;
  description?: string;
  values?: Values;
  children: string;
}): React.ReactNode {
  return interpolate(children, values);
}
