// Stand-in for @theme/CodeBlock in unit tests: the code in a <pre>, with its language as a class.
import React from 'react';

export default function CodeBlock({children, language}: {readonly children: string; readonly language?: string}): React.ReactNode {
  return (
    <pre className={language ? `language-${language}` : undefined}>
      <code>{children}</code>
    </pre>
  );
}
