import {describe, expect, it} from 'vitest';
import {checkDirectIoAlignment, chooseDirectIo} from './direct-io';
import {GiB, MiB} from './units';

describe('chooseDirectIo', () => {
  it('follows nginx directio when a threshold is given', () => {
    expect(chooseDirectIo({fileBytes: 8 * MiB, pageCacheBytes: GiB, accessPattern: 'repeated', directioThreshold: 4 * MiB}).method).toBe('direct-io');
    expect(chooseDirectIo({fileBytes: MiB, pageCacheBytes: 0, accessPattern: 'once', directioThreshold: 4 * MiB}).method).toBe('sendfile');
  });
  it('uses the page cache unless a file read once (or randomly) does not fit', () => {
    expect(chooseDirectIo({fileBytes: 10 * GiB, pageCacheBytes: GiB, accessPattern: 'once'}).method).toBe('direct-io');
    expect(chooseDirectIo({fileBytes: 10 * GiB, pageCacheBytes: GiB, accessPattern: 'repeated'}).method).toBe('sendfile');
    expect(chooseDirectIo({fileBytes: 10 * GiB, pageCacheBytes: GiB, accessPattern: 'random-small'}).method).toBe('direct-io');
    expect(chooseDirectIo({fileBytes: MiB, pageCacheBytes: GiB, accessPattern: 'once'}).method).toBe('sendfile');
  });
  it('rejects bad input naming the parameter', () => {
    expect(() => chooseDirectIo({fileBytes: -1, pageCacheBytes: 0, accessPattern: 'once'})).toThrow(/^fileBytes must/);
    expect(() => chooseDirectIo({fileBytes: 1, pageCacheBytes: 0, accessPattern: 'often' as 'once'})).toThrow(/^accessPattern must/);
  });
});

describe('checkDirectIoAlignment', () => {
  it('names the misaligned fields', () => {
    expect(checkDirectIoAlignment({offset: 4096, length: 8192, bufferAddress: 0x10000, logicalBlockSize: 4096})).toEqual({ok: true, misaligned: []});
    expect(checkDirectIoAlignment({offset: 512, length: 100, bufferAddress: 0x10000, logicalBlockSize: 4096}).misaligned).toEqual(['offset', 'length']);
    expect(checkDirectIoAlignment({offset: 512, length: 512, bufferAddress: 512, logicalBlockSize: 512}).ok).toBe(true);
    expect(() => checkDirectIoAlignment({offset: 0, length: 0, bufferAddress: 0, logicalBlockSize: 1000})).toThrow(/^logicalBlockSize must/);
  });
});
