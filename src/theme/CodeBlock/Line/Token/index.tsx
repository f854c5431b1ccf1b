// Plain tokens (the spaces and names Prism leaves unclassified) become bare text instead of a
// <span class="token plain">: they carry no colour of their own, and they were about half of
// every code block's elements, which each page parses, styles and lays out.
import React, {type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock/Line/Token';

export default function CodeBlockLineToken({line, token, ...props}: Props): ReactNode {
  if (token.types.length === 1 && token.types[0] === 'plain') return <>{props.children}</>;
  return <span {...props} />;
}
