// Ejected from @docusaurus/theme-classic 3.10 for one change: the original remounts every code
// block after hydration (key={String(isBrowser)}) so that dark mode gets its Prism colours. Here
// both modes share one theme whose colours are CSS (tools/site/code-themes.ts), so the markup
// the server wrote is already right and the remount, a second-long task on long chapters under
// Lighthouse's mobile profile, is gone.
import React, {isValidElement, type ReactNode} from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type {Props} from '@theme/CodeBlock';

/**
 * Best attempt to make the children a plain string so it is copyable. If there
 * are react elements, we will not be able to copy the content, and it will
 * return `children` as-is; otherwise, it concatenates the string children
 * together.
 */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((el) => isValidElement(el))) {
    return children;
  }
  // The children is now guaranteed to be one/more plain strings
  return Array.isArray(children) ? children.join('') : (children as string);
}

export default function CodeBlock({
  children: rawChildren,
  ...props
}: Props): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  const CodeBlockComp =
    typeof children === 'string' ? StringContent : ElementContent;
  return (
    <CodeBlockComp {...props}>
      {children as string}
    </CodeBlockComp>
  );
}
