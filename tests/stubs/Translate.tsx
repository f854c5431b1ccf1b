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
  const elements = values !== undefined && Object.values(values).some((value) => typeof value === 'object' && value !== null);
  if (!elements) return interpolate(children, values);
  // Elements among the values (a link, a <strong>) are placed as elements, as Docusaurus does.
  return (
    <>
      {children.split(/(\{\w+\})/).map((part, i) => {
        const key = /^\{(\w+)\}$/.exec(part)?.[1];
        return <React.Fragment key={i}>{key !== undefined && key in values ? values[key] : part}</React.Fragment>;
      })}
    </>
  );
}
