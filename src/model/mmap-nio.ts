// Chapter 6: mmap() + write() and Java NIO, the module exercise 6 rebuilds.
//
// The model is split along the chapter's topics: page-faults.ts (readahead and fault-around),
// mmap-write.ts (the mmap()+write() data path), byte-buffer.ts (Java's ByteBuffer),
// transfer-to.ts (which path FileChannel.transferTo takes, and its loop) and java-nio-sim.ts
// (Java's exceptions and a simulated channel). This file re-exports, by name, exactly what the
// exercise's mmap-nio.ts exports, so graders, components and student mode find them in one place.
export {
  DEFAULT_FAULT_AROUND_PAGES,
  DEFAULT_READAHEAD_PAGES,
  MAX_FAULT_AROUND_PAGES,
  MAX_PAGE_INDEX,
  MAX_READAHEAD_PAGES,
  pageFaultsFor,
  requireFaultAroundPages,
} from './page-faults';
export type {PageFaultCount, PageFaultOptions} from './page-faults';

export {
  leastCommonMultiple,
  mmapWriteSteps,
  mmapWriteSummary,
  mmapWriteTrace,
  multiplesBetween,
  validateMmapWrite,
} from './mmap-write';
export type {MmapWriteOptions, MmapWriteSettings, MmapWriteTraceOptions} from './mmap-write';

export {
  MAX_MODEL_BUFFER_CAPACITY,
  clear,
  compact,
  createByteBuffer,
  flip,
  get,
  mark,
  put,
  remaining,
  reset,
  rewind,
  setLimit,
  setPosition,
  validateByteBuffer,
} from './byte-buffer';
export type {ByteBufferRead, ByteBufferState} from './byte-buffer';

export {
  JAVA_INT_MAX,
  JDK_VERSIONS,
  MAPPED_TRANSFER_SIZE,
  MAPPED_TRANSFER_THRESHOLD,
  TRANSFER_LOOP_BUFFER,
  TRANSFER_TARGETS,
  transferAll,
  transferToPath,
} from './transfer-to';
export type {JdkVersion, TransferAllResult, TransferTarget, TransferToInput, TransferToPath, TransferToRoute} from './transfer-to';

export {DEFAULT_CHANNEL_CALL_BUDGET, JavaException, createSimulatedChannel, mulberry32} from './java-nio-sim';
export type {
  ChannelCall,
  JavaExceptionName,
  SimulatedChannel,
  SimulatedChannelOptions,
  TransferToChannel,
} from './java-nio-sim';
