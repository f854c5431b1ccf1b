// Stand-in for @docusaurus/useBrokenLinks in unit tests: records what a component registers, so a
// test can see that anchors rendered outside Markdown headings reach the build's broken-anchor check.
const collectedAnchors: string[] = [];
const collectedLinks: string[] = [];

export function collectedForTests(): {readonly anchors: readonly string[]; readonly links: readonly string[]} {
  return {anchors: [...collectedAnchors], links: [...collectedLinks]};
}

export function resetCollectedForTests(): void {
  collectedAnchors.length = 0;
  collectedLinks.length = 0;
}

export default function useBrokenLinks(): {collectAnchor: (anchor?: string) => void; collectLink: (link?: string) => void} {
  return {
    collectAnchor: (anchor) => {
      if (anchor) collectedAnchors.push(anchor);
    },
    collectLink: (link) => {
      if (link) collectedLinks.push(link);
    },
  };
}
