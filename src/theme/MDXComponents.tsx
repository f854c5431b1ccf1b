import MDXComponents from '@theme-original/MDXComponents';
import type {ComponentProps} from 'react';

/**
 * A Markdown table scrolls sideways inside itself on a phone (Infima makes tables blocks with
 * overflow: auto). Focusable, it can be scrolled with the arrow keys too (axe's
 * scrollable-region-focusable); its role stays "table".
 */
function Table(props: ComponentProps<'table'>) {
  return <table tabIndex={0} {...props} />;
}

// The live components (<Quiz>, <CostChart>, ...) are not registered here: every doc page would
// load all of them. Each page imports those it uses (tools/site/page-components.ts).
export default {
  ...MDXComponents,
  table: Table,
};
