// The table of "Efficient data transfer through zero copy" (Palaniappan and Nagaraja, IBM
// developerWorks, 2 September 2008): a file sent over TCP by a Java client that read 4 KiB at a
// time and send()s it ("normal"), and by one that calls FileChannel.transferTo (sendfile on
// Linux). "Linux system running the 2.6 kernel"; hardware, JDK and network are not stated.
export interface IbmRow {
  /** As the article labels the size. */
  readonly label: string;
  readonly megabytes: number;
  readonly normalMs: number;
  readonly transferToMs: number;
}

export const IBM_2008: readonly IbmRow[] = [
  {label: '7MB', megabytes: 7, normalMs: 156, transferToMs: 45},
  {label: '21MB', megabytes: 21, normalMs: 337, transferToMs: 128},
  {label: '63MB', megabytes: 63, normalMs: 843, transferToMs: 387},
  {label: '98MB', megabytes: 98, normalMs: 1320, transferToMs: 617},
  {label: '200MB', megabytes: 200, normalMs: 2124, transferToMs: 1150},
  {label: '350MB', megabytes: 350, normalMs: 3631, transferToMs: 1762},
  {label: '700MB', megabytes: 700, normalMs: 13498, transferToMs: 4422},
  {label: '1GB', megabytes: 1024, normalMs: 18399, transferToMs: 8537},
];

export const IBM_2008_URL = 'https://developer.ibm.com/articles/j-zerocopy/';
