// The site at the root: what useBaseUrl returns when baseUrl is '/'.
export default function useBaseUrl(url: string): string {
  return url;
}
