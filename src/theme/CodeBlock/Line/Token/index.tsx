// Plain tokens (the spaces and names Prism leaves unclassified, and punctuation and operators,
// which both themes draw in the plain colour: ../plainTokens.ts) become bare text instead of a
// <span class="token plain">: they carry no colour of their own, and they were most of every
// code block's elements, which each page parses, styles and lays out.
import React, {type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock/Line/Token';
import {isPlainToken} from '../plainTokens';

export default function CodeBlockLineToken({line, token, ...props}: Props): ReactNode {
  if (isPlainToken(token.types)) return <>{props.children}</>;
  return <span {...props} />;
}
