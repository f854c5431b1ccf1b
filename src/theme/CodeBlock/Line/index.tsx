// Ejected from @docusaurus/theme-classic 3.10 to write less markup per line of code, which every
// chapter parses, styles and lays out as it loads (code was half the mmap chapter's elements):
// neighbouring tokens that look the same are written as one, tokens drawn in the plain text
// colour in both modes are bare text (Token/index.tsx), and a line ends in <br/> only when it is
// empty, where the <br/> keeps the line from collapsing (a block-level line needs none).
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import type {Token} from 'prism-react-renderer';
import LineToken from '@theme/CodeBlock/Line/Token';
import type {Props} from '@theme/CodeBlock/Line';
import {mergeTokens} from './plainTokens';
import styles from './styles.module.css';

// A line that is only '\n' becomes empty, so it does not get two line breaks (the '\n' and the
// <br/>); as the original does (facebook/docusaurus#11565).
function fixLineBreak(line: Token[]): Token[] {
  return line.length === 1 && line[0].content === '\n' ? [{...line[0], content: ''}] : line;
}

export default function CodeBlockLine({line: lineProp, classNames, showLineNumbers, getLineProps, getTokenProps}: Props): ReactNode {
  const line = mergeTokens(fixLineBreak(lineProp));
  const lineProps = getLineProps({line, className: clsx(classNames, showLineNumbers && styles.codeLine)});
  const lineTokens = line.map((token, key) => {
    const tokenProps = getTokenProps({token});
    return (
      <LineToken key={key} {...tokenProps} line={line} token={token}>
        {tokenProps.children}
      </LineToken>
    );
  });
  const empty = line.every((token) => token.content === '');
  return (
    <div {...lineProps}>
      {showLineNumbers ? (
        <>
          <span className={styles.codeLineNumber} />
          <span className={styles.codeLineContent}>{lineTokens}</span>
        </>
      ) : (
        lineTokens
      )}
      {empty && <br />}
    </div>
  );
}
