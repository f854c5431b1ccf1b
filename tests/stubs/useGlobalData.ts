// Stand-in for @docusaurus/useGlobalData in unit tests: plugin data is whatever the test set,
// and nothing (undefined) by default, as for a plugin that is not installed.
let pluginData: Record<string, unknown> = {};

export function setPluginDataForTests(data: Record<string, unknown>): void {
  pluginData = data;
}

export function usePluginData(pluginName: string): unknown {
  return pluginData[pluginName];
}

export default function useGlobalData(): Record<string, unknown> {
  return pluginData;
}
