// Answer-key fixture (src/data/answer-keys.ts): the model with chunkCount wrong.
// The mistake: dividing and adding one for "the rest", so an exact multiple gets an extra pair.
import {validateTransfer} from '@site/src/model/read-write';

export * from '@site/src/model/read-write';

export function chunkCount(fileSize: number, bufferSize: number): {count: number; lastChunkBytes: number} {
  validateTransfer(fileSize, bufferSize);
  if (fileSize === 0) return {count: 0, lastChunkBytes: 0};
  const count = Math.floor(fileSize / bufferSize) + 1;
  return {count, lastChunkBytes: fileSize % bufferSize};
}
