import type React from 'react';

export default function BrowserOnly({children}: {children: () => React.ReactNode}): React.ReactNode {
  return children();
}
