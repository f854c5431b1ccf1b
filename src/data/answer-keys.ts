// The teachers' answer keys (docs/teach/answers/): for every function a learner writes in
// chapters 1-6, what the model does, and one realistic wrong answer with the misconception behind
// it. Each wrong answer is a fixture, tests/answer-keys/<folder>/<fn>.ts, that the chapter's grader
// must fail with a message pointing at `section` (tests/workbench/answer-keys.test.ts); the message
// it prints is recorded in answer-key-messages.json by tools/answer-keys/record.ts.

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export interface AnswerKeyFunction {
  /** The exported function the learner writes. */
  readonly fn: string;
  /** The README part it belongs to. */
  readonly part: number;
  /** What the model does, in a sentence or two. */
  readonly model: Bilingual;
  readonly wrong: {
    /** The chapter section (heading anchor) the grader's message must point to. */
    readonly section: string;
    readonly misconception: Bilingual;
  };
}

export interface AnswerKeyChapter {
  /** exercises/ folder, e.g. "03-read-write". */
  readonly folder: string;
  readonly functions: readonly AnswerKeyFunction[];
}

export const ANSWER_KEYS: readonly AnswerKeyChapter[] = [
  {
    folder: '01-user-kernel',
    functions: [
      {
        fn: 'addressLayout',
        part: 1,
        model: {
          en: 'Each half is 2^(bits-1) bytes: user space from 0 up, the kernel down from 2^64-1. With 48-bit addresses the kernel starts at 0xffff_8000_0000_0000, far above the user half.',
          zh: '每一半都是 2^(位数-1) 字节：用户空间从 0 往上，内核从 2^64-1 往下。48 位地址时内核从 0xffff_8000_0000_0000 开始，远高于用户那一半。',
        },
        wrong: {
          section: 'canonical-addresses',
          misconception: {
            en: 'The kernel half starts right where the user half ends, as if the two halves were adjacent. They sit at the two ends of the 64-bit space, with a huge non-canonical hole between them.',
            zh: '以为内核那一半紧接在用户那一半之后。实际上两半位于 64 位空间的两端，中间隔着巨大的非规范（non-canonical）空洞。',
          },
        },
      },
      {
        fn: 'classifyAddress',
        part: 2,
        model: {
          en: 'At or below userEnd is user, at or above kernelStart is kernel, and everything between is non-canonical: the CPU faults on it.',
          zh: '不超过 userEnd 的属于用户空间，不低于 kernelStart 的属于内核，两者之间都是非规范地址：CPU 访问它会出错。',
        },
        wrong: {
          section: 'canonical-addresses',
          misconception: {
            en: 'Every address above the user half is a kernel address. The hole between the halves is forgotten, so no address is ever non-canonical.',
            zh: '以为用户空间以上的地址都属于内核，忘了两半之间的空洞，于是永远不会出现非规范地址。',
          },
        },
      },
      {
        fn: 'programSummary',
        part: 3,
        model: {
          en: 'Every system call is two mode switches (in and out); only a call that blocks adds two context switches (away and back); vDSO calls cost no switch at all.',
          zh: '每个系统调用是两次模式切换（进入和返回）；只有阻塞的调用才另加两次上下文切换（切走和切回）；vDSO 调用完全没有切换。',
        },
        wrong: {
          section: 'mode-switch-vs-context-switch',
          misconception: {
            en: 'A mode switch is counted as a context switch too. Entering the kernel does not change the running task; only a call that sleeps lets the scheduler run another one.',
            zh: '把模式切换也算成上下文切换。进入内核并不更换正在运行的任务；只有睡眠的调用才会让调度器运行别的任务。',
          },
        },
      },
      {
        fn: 'programCost',
        part: 4,
        model: {
          en: 'Each count times its price (mode switch, context switch, vDSO call), plus the user work, summed into totalNs; counts and prices are checked first.',
          zh: '每一类次数乘以各自的单价（模式切换、上下文切换、vDSO 调用），加上用户态工作时间，合计为 totalNs；先检查次数和单价。',
        },
        wrong: {
          section: 'what-crossings-cost',
          misconception: {
            en: 'A vDSO call is priced like a system call, two mode switches. It runs in user mode, which is the whole point of the vDSO, and has its own, much smaller price.',
            zh: '把 vDSO 调用按系统调用计价（两次模式切换）。vDSO 调用在用户态执行，这正是 vDSO 的意义所在，它有自己小得多的单价。',
          },
        },
      },
      {
        fn: 'programTimeline',
        part: 5,
        model: {
          en: 'One entry per event with the CPU mode after it and running totals: a system call enters the kernel, may switch away and back, and returns; a vDSO call and user work stay in user mode.',
          zh: '每个事件一条记录，附带事件之后的 CPU 模式和累计次数：系统调用进入内核，可能切走再切回，然后返回；vDSO 调用和用户态工作都留在用户态。',
        },
        wrong: {
          section: 'the-vdso',
          misconception: {
            en: 'clock_gettime through the vDSO is drawn as a trip into the kernel. The vDSO is kernel code mapped into the process and run in user mode: no mode switch.',
            zh: '把经由 vDSO 的 clock_gettime 画成进入内核。vDSO 是映射进进程、在用户态运行的内核代码：没有模式切换。',
          },
        },
      },
    ],
  },
  {
    folder: '02-dma',
    functions: [
      {
        fn: 'pioCpuCycles',
        part: 1,
        model: {
          en: 'The CPU moves every word itself: ceil(bytes / wordBytes) words, cyclesPerWord each.',
          zh: 'CPU 亲自搬运每个字：ceil(bytes / wordBytes) 个字，每个 cyclesPerWord 个周期。',
        },
        wrong: {
          section: 'programmed-io',
          misconception: {
            en: 'Only whole words are counted (floor). A partial last word still needs a whole load and store.',
            zh: '只计算完整的字（向下取整）。最后不满一个字的部分也需要一次完整的读写。',
          },
        },
      },
      {
        fn: 'dmaCpuCycles',
        part: 2,
        model: {
          en: 'Setup plus the completion interrupt, once per transfer, whatever the size: the CPU never touches the bytes.',
          zh: '每次传输一次设置加一次完成中断，与大小无关：CPU 从不接触这些字节。',
        },
        wrong: {
          section: 'what-a-dma-engine-does',
          misconception: {
            en: 'The CPU is still charged for every word. With DMA the engine moves the bytes; the CPU only programs it and takes its interrupt.',
            zh: '仍然按字给 CPU 计费。使用 DMA 时由引擎搬运字节，CPU 只负责设置引擎并处理它的中断。',
          },
        },
      },
      {
        fn: 'dmaBreakEvenBytes',
        part: 3,
        model: {
          en: 'The smallest size whose PIO cost is strictly more than one DMA transfer: the first word past (setup + interrupt) / cyclesPerWord, in bytes.',
          zh: 'PIO 成本严格超过一次 DMA 传输的最小字节数：超过 (设置 + 中断) / cyclesPerWord 的第一个字，换算成字节。',
        },
        wrong: {
          section: 'when-dma-pays-off',
          misconception: {
            en: 'The answer is the size where the two costs are equal. At that size DMA does not pay off yet; the question is the first size where it costs less.',
            zh: '把两者成本相等的大小当作答案。在那个大小 DMA 还不划算；要求的是 DMA 更便宜的第一个大小。',
          },
        },
      },
      {
        fn: 'contiguousBlocks',
        part: 4,
        model: {
          en: 'Walks the buffers in the order given and joins a buffer to the previous block when it starts exactly where that block ends; refuses overlapping buffers.',
          zh: '按给定顺序遍历缓冲区，某个缓冲区恰好从上一个块的末尾开始时就并入该块；拒绝重叠的缓冲区。',
        },
        wrong: {
          section: 'contiguous-buffers',
          misconception: {
            en: 'The buffers are sorted by address first. The engine walks one list upward in the order it is given, so adjacent buffers out of order stay separate transfers.',
            zh: '先按地址给缓冲区排序。DMA 引擎按给定顺序向上走一遍列表，顺序颠倒的相邻缓冲区仍是分开的传输。',
          },
        },
      },
      {
        fn: 'blockDmaPlan',
        part: 5,
        model: {
          en: 'One transfer and one interrupt per contiguous block; the CPU cost is that many setups and interrupts, compared with PIO over the same bytes.',
          zh: '每个连续块一次传输、一次中断；CPU 成本是相应次数的设置和中断，并与同样字节的 PIO 成本对比。',
        },
        wrong: {
          section: 'contiguous-buffers',
          misconception: {
            en: 'One interrupt per buffer. The engine interrupts once when a transfer completes, and one transfer covers a whole block of joined buffers.',
            zh: '每个缓冲区一次中断。引擎在一次传输完成时中断一次，而一次传输覆盖由多个缓冲区连成的整个块。',
          },
        },
      },
      {
        fn: 'cpuTimeline',
        part: 6,
        model: {
          en: 'PIO: one copying segment for all the words. DMA: setup, then the CPU is free while the engine takes the same cycles, then the interrupt when it finishes.',
          zh: 'PIO：一整段都在复制。DMA：先设置，然后在引擎花同样周期搬运时 CPU 空闲，完成时处理中断。',
        },
        wrong: {
          section: 'the-honest-limit',
          misconception: {
            en: 'DMA makes the transfer itself instant. It frees the CPU, but the bytes still cross the bus and take their cycles.',
            zh: '以为 DMA 让传输本身瞬间完成。DMA 解放了 CPU，但字节仍要经过总线，仍需要那些周期。',
          },
        },
      },
    ],
  },
  {
    folder: '03-read-write',
    functions: [
      {
        fn: 'chunkCount',
        part: 1,
        model: {
          en: 'ceil(fileSize / bufferSize) pairs, the last one moving what is left; an empty file makes none.',
          zh: 'ceil(fileSize / bufferSize) 对调用，最后一对搬运剩下的字节；空文件一对也没有。',
        },
        wrong: {
          section: 'the-loop',
          misconception: {
            en: '"Divide and add one for the rest": an exact multiple of the buffer gets an extra, empty pair.',
            zh: '“整除再加一处理余数”：文件大小恰好是缓冲区整数倍时，多出一对空的调用。',
          },
        },
      },
      {
        fn: 'readWritePairSteps',
        part: 2,
        model: {
          en: 'read(): enter, disk DMA and its interrupt (on a miss), CPU copy to the user buffer, return; write(): enter, CPU copy to the socket buffer, return; then the NIC DMA and its interrupt.',
          zh: 'read()：进入内核，（未命中时）磁盘 DMA 及其中断，CPU 复制到用户缓冲区，返回；write()：进入内核，CPU 复制到套接字缓冲区，返回；之后是网卡 DMA 及其中断。',
        },
        wrong: {
          section: 'page-cache-hits',
          misconception: {
            en: 'Every read() goes to the disk. When the file is already in the page cache, read() copies from memory: no disk DMA, no disk interrupt.',
            zh: '以为每次 read() 都要读磁盘。文件已在页缓存中时，read() 直接从内存复制：没有磁盘 DMA，也没有磁盘中断。',
          },
        },
      },
      {
        fn: 'readWriteSummary',
        part: 3,
        model: {
          en: 'The counts of one pair times the number of pairs, with the byte totals from the file size: arithmetic, instant for any size.',
          zh: '一对调用的各项次数乘以调用对数，字节总数由文件大小得出：纯算术，任何大小都能瞬间得出。',
        },
        wrong: {
          section: 'the-loop',
          misconception: {
            en: 'One mode switch per system call. Each call switches twice, into the kernel and back, so a read()+write() pair makes four.',
            zh: '以为每个系统调用只有一次模式切换。每次调用切换两次（进入内核和返回），所以一对 read()+write() 共四次。',
          },
        },
      },
      {
        fn: 'readWriteTrace',
        part: 4,
        model: {
          en: 'The first listedChunks pairs step by step, the last one short; the rest only counted, as the whole summary minus the listed part.',
          zh: '前 listedChunks 对逐步列出，最后一对可能较短；其余只计数，即总汇总减去已列出部分。',
        },
        wrong: {
          section: 'big-files',
          misconception: {
            en: 'Every listed chunk is a full buffer. The last chunk of the file is usually short, and it can be among the listed ones.',
            zh: '以为列出的每一块都是满缓冲区。文件的最后一块通常较短，而且它可能就在列出的块中。',
          },
        },
      },
    ],
  },
  {
    folder: '04-sendfile',
    functions: [
      {
        fn: 'zeroCopyCapable',
        part: 1,
        model: {
          en: 'True only with scatter-gather and checksum offload together: then the CPU neither copies nor reads the bytes.',
          zh: '只有分散-聚集和校验和卸载同时开启时才为真：这时 CPU 既不复制也不读取这些字节。',
        },
        wrong: {
          section: 'checksum-offload',
          misconception: {
            en: 'Scatter-gather alone is enough. Without checksum offload the CPU still reads every byte once to compute the checksum.',
            zh: '以为只要有分散-聚集就够了。没有校验和卸载时，CPU 仍要把每个字节读一遍来计算校验和。',
          },
        },
      },
      {
        fn: 'sendfileCallSteps',
        part: 2,
        model: {
          en: 'Two mode switches; on a miss the disk DMA; then either a CPU copy into the socket buffer, or (scatter-gather) descriptors plus a checksum pass unless offloaded; the NIC DMA after the call returns.',
          zh: '两次模式切换；未命中时有磁盘 DMA；然后要么 CPU 复制到套接字缓冲区，要么（分散-聚集）追加描述符，若无校验和卸载再加一次 CPU 校验遍历；网卡 DMA 在调用返回之后。',
        },
        wrong: {
          section: 'scatter-gather',
          misconception: {
            en: 'sendfile() always copies into the socket buffer, even on a NIC that can gather: "zero-copy" is taken to mean only that user space is skipped.',
            zh: '以为 sendfile() 总要复制到套接字缓冲区，即使网卡能聚集：把“零拷贝”理解为只是绕过了用户空间。',
          },
        },
      },
      {
        fn: 'sendfileSummary',
        part: 3,
        model: {
          en: 'ceil(fileSize / 0x7ffff000) calls, each with the counts of one call; the byte totals from the file size.',
          zh: 'ceil(fileSize / 0x7ffff000) 次调用，每次带一次调用的各项次数；字节总数由文件大小得出。',
        },
        wrong: {
          section: 'the-per-call-cap',
          misconception: {
            en: 'One sendfile() call sends any file. Linux moves at most 0x7ffff000 bytes per call, so a 5 GiB file takes three.',
            zh: '以为一次 sendfile() 能发送任意大的文件。Linux 每次调用最多搬运 0x7ffff000 字节，所以 5 GiB 的文件需要三次。',
          },
        },
      },
      {
        fn: 'sendAll',
        part: 4,
        model: {
          en: 'Loop from the current offset: advance by short returns, wait after EAGAIN, on a refusal send the rest with read()+write() from where sendfile() stopped, and stop with an error on a 0 before the end.',
          zh: '从当前偏移循环：短返回时按实际字节前进，EAGAIN 后等待可写，遇到拒绝时从 sendfile() 停下的地方用 read()+write() 发送剩余部分，未到末尾却返回 0 时报错停止。',
        },
        wrong: {
          section: 'short-returns',
          misconception: {
            en: 'The fallback starts again from the beginning of the file. What sendfile() already sent is on the wire; the fallback continues from the current offset.',
            zh: '回退时从文件开头重新发送。sendfile() 已发送的字节已经在网络上了；回退应从当前偏移继续。',
          },
        },
      },
    ],
  },
  {
    folder: '05-scatter-gather',
    functions: [
      {
        fn: 'pagesForRange',
        part: 1,
        model: {
          en: 'First page = floor(offset / pageSize), last page = floor((end - 1) / pageSize); the offset in the first page and the length used of the last, which is a whole page when the range ends on a boundary.',
          zh: '首页 = floor(offset / pageSize)，末页 = floor((end - 1) / pageSize)；给出首页内偏移和末页使用的长度，范围恰好在页边界结束时末页长度是整页。',
        },
        wrong: {
          section: 'pages-and-offsets',
          misconception: {
            en: 'The last length is end % pageSize, which is 0 for a range ending exactly on a page boundary; it should be the whole page.',
            zh: '把末页长度算成 end % pageSize，范围恰好在页边界结束时得 0；应为整页。',
          },
        },
      },
      {
        fn: 'ethtoolVerdict',
        part: 2,
        model: {
          en: 'Reads the top-level "scatter-gather:" and "tx-checksumming:" lines (ignoring "[fixed]" and indented sub-features), refuses missing or repeated lines, and says what the CPU does.',
          zh: '读取顶层的 "scatter-gather:" 和 "tx-checksumming:" 行（忽略 "[fixed]" 和缩进的子特性），拒绝缺失或重复的行，并说明 CPU 要做什么。',
        },
        wrong: {
          section: 'checking-your-nic',
          misconception: {
            en: 'Searching the text for "scatter-gather: on" also matches the indented "tx-scatter-gather: on" sub-feature under a "scatter-gather: off" line.',
            zh: '在整段文本中搜索 "scatter-gather: on"，会误匹配 "scatter-gather: off" 下面缩进的子特性 "tx-scatter-gather: on"。',
          },
        },
      },
      {
        fn: 'sgTransfer',
        part: 3,
        model: {
          en: 'With scatter-gather the kernel appends page references (descriptors) and the NIC gathers; without checksum offload the CPU makes one pass for the checksum; without scatter-gather one CPU copy into linear buffers.',
          zh: '有分散-聚集时内核追加页引用（描述符），由网卡聚集；没有校验和卸载时 CPU 做一次校验遍历；没有分散-聚集时 CPU 复制一次到线性缓冲区。',
        },
        wrong: {
          section: 'what-the-nic-needs',
          misconception: {
            en: 'Without checksum offload the kernel copies, as kernels before 4.17 did. A current kernel still gathers and only reads the bytes once for the checksum.',
            zh: '以为没有校验和卸载时内核就会复制，这是 4.17 之前内核的做法。当前内核仍然聚集，只为校验和读一遍字节。',
          },
        },
      },
      {
        fn: 'buildFragmentList',
        part: 4,
        model: {
          en: 'One fragment per page at frame × pageSize (+ offset), trimming the first and last page; skbs = ceil(fragments / maxFrags), overflow when more than one.',
          zh: '每页一个片段，地址为 帧号 × pageSize（加偏移），首末页按实际范围裁剪；skb 数 = ceil(片段数 / maxFrags)，多于一个即溢出。',
        },
        wrong: {
          section: 'fragments-and-descriptors',
          misconception: {
            en: 'Frames that follow each other in memory are joined into one fragment, as block DMA joins buffers. A fragment is one page reference, so the NIC gets one per page.',
            zh: '像块 DMA 合并缓冲区那样，把内存中相邻的帧合并成一个片段。一个片段就是一个页引用，所以每页一个。',
          },
        },
      },
      {
        fn: 'ringInterrupts',
        part: 5,
        model: {
          en: 'ceil(completions / coalesceFrames): the NIC raises one interrupt per batch, and the last, partial batch raises one too.',
          zh: 'ceil(completions / coalesceFrames)：网卡每批中断一次，最后不满的一批也要中断一次。',
        },
        wrong: {
          section: 'rings-and-interrupts',
          misconception: {
            en: 'Only full batches interrupt (floor). The last completions would then never be reported; the NIC interrupts for the partial batch too.',
            zh: '以为只有满的一批才中断（向下取整）。那样最后的完成将永远不被通知；网卡对不满的一批也会中断。',
          },
        },
      },
      {
        fn: 'blockVsRingInterrupts',
        part: 5,
        model: {
          en: 'Block DMA: one interrupt per contiguous block in file order. Ring: one completion per skb, coalesced into ceil(skbs / coalesceFrames) interrupts.',
          zh: '块 DMA：按文件顺序每个连续块一次中断。环形队列：每个 skb 一次完成，合并成 ceil(skb 数 / coalesceFrames) 次中断。',
        },
        wrong: {
          section: 'rings-and-interrupts',
          misconception: {
            en: 'The ring completes once per descriptor (per page). It completes once per skb, which carries up to MAX_SKB_FRAGS fragments.',
            zh: '以为环形队列每个描述符（每页）完成一次。实际上每个 skb 完成一次，一个 skb 最多带 MAX_SKB_FRAGS 个片段。',
          },
        },
      },
    ],
  },
  {
    folder: '06-mmap-nio',
    functions: [
      {
        fn: 'pageFaultsFor',
        part: 1,
        model: {
          en: 'A touch of an unmapped page faults (major when it must be read, which reads readaheadPages ahead); the fault maps the cached pages of the aligned fault-around window.',
          zh: '访问未映射的页就缺页（需要读盘时为主缺页，并预读 readaheadPages 页）；缺页会映射对齐的 fault-around 窗口中已缓存的页。',
        },
        wrong: {
          section: 'page-faults',
          misconception: {
            en: 'The fault-around window starts at the faulting page. It is aligned: a fault on page 20 maps 16..31, not 20..35.',
            zh: '以为 fault-around 窗口从缺页的那一页开始。窗口是对齐的：第 20 页缺页映射 16..31，而不是 20..35。',
          },
        },
      },
      {
        fn: 'mmapWriteSteps',
        part: 2,
        model: {
          en: 'mmap() only sets up the mapping; each write() takes the faults of the windows that start in it (with the disk read on a miss) and makes the one CPU copy, page cache to socket buffer.',
          zh: 'mmap() 只建立映射；每次 write() 承担起始于它的窗口的缺页（未命中时还有磁盘读取），并做唯一一次 CPU 复制：页缓存到套接字缓冲区。',
        },
        wrong: {
          section: 'mmap-plus-write',
          misconception: {
            en: 'mmap() reads the file into the process\'s memory. It copies nothing: the mapping is the page cache, and pages arrive by faults when write() touches them.',
            zh: '以为 mmap() 把文件读进进程内存。它什么也不复制：映射就是页缓存，write() 访问页面时才通过缺页把它们带进来。',
          },
        },
      },
      {
        fn: 'flip',
        part: 3,
        model: {
          en: 'limit = position, position = 0, mark discarded: what was written becomes what can be read.',
          zh: 'limit = position，position = 0，丢弃 mark：已写入的内容变成可读取的内容。',
        },
        wrong: {
          section: 'flip-and-compact',
          misconception: {
            en: 'flip() only goes back to the start, like rewind(). Without limit = position, a reader runs past what was written.',
            zh: '以为 flip() 只是回到开头，和 rewind() 一样。不设 limit = position，读取就会越过已写入的内容。',
          },
        },
      },
      {
        fn: 'compact',
        part: 3,
        model: {
          en: 'Moves the unread bytes (position..limit) to the front, sets position to how many moved and limit to the capacity, discards the mark.',
          zh: '把未读字节（position..limit）移到开头，position 设为移动的字节数，limit 设为容量，丢弃 mark。',
        },
        wrong: {
          section: 'flip-and-compact',
          misconception: {
            en: 'After moving the unread bytes, the position goes back to 0, so the next put() overwrites the bytes compact() was meant to keep.',
            zh: '移动未读字节后把 position 设回 0，于是下一次 put() 会覆盖 compact() 本应保留的字节。',
          },
        },
      },
      {
        fn: 'transferToPath',
        part: 4,
        model: {
          en: 'By target and JDK: copy_file_range then sendfile on JDK 21+, sendfile before; 8 MiB mappings or the 8 KiB loop as fallbacks; JDK 8 and 11 cap a call at Integer.MAX_VALUE, later ones at 0x7ffff000.',
          zh: '按目标和 JDK 版本：JDK 21 及以后先试 copy_file_range 再试 sendfile，之前只用 sendfile；回退为 8 MiB 映射或 8 KiB 循环；JDK 8 和 11 每次调用上限为 Integer.MAX_VALUE，之后为 0x7ffff000。',
        },
        wrong: {
          section: 'transferto-paths',
          misconception: {
            en: 'Every JDK is given the kernel\'s cap, 0x7ffff000. JDK 8 and 11 cap a transferTo() at Integer.MAX_VALUE themselves.',
            zh: '以为所有 JDK 都采用内核的上限 0x7ffff000。JDK 8 和 11 自己把 transferTo() 限制在 Integer.MAX_VALUE。',
          },
        },
      },
      {
        fn: 'transferAll',
        part: 4,
        model: {
          en: 'Loop until the end (count or the file\'s end, whichever is first), advancing by each return; a 0 before the end means the target is full: awaitWritable() and try again.',
          zh: '循环到结束（count 或文件末尾，取先到者），每次按返回值前进；未到末尾却返回 0 表示目标已满：调用 awaitWritable() 再试。',
        },
        wrong: {
          section: 'transfer-loop',
          misconception: {
            en: 'A transferTo() that returns 0 is taken for the end of the file. On a non-blocking target it means the target is full for now.',
            zh: '把 transferTo() 返回 0 当作文件结束。对非阻塞目标，它表示目标暂时已满。',
          },
        },
      },
    ],
  },
  {
    folder: '07-beyond-sendfile',
    functions: [
      {
        fn: 'pipeCapacity',
        part: 1,
        model: {
          en: 'F_SETPIPE_SZ rounds the request up to a power-of-two number of pages, at least one; above pipe-max-size (1 MiB by default) an unprivileged caller gets EPERM.',
          zh: 'F_SETPIPE_SZ 把请求的大小向上取整为 2 的幂个页，至少一页；超过 pipe-max-size（默认 1 MiB）时，非特权调用者得到 EPERM。',
        },
        wrong: {
          section: 'splice',
          misconception: {
            en: 'Rounding up to whole pages is taken to be enough. The kernel keeps the pipe\'s ring a power of two: asking for 5 pages gives 8.',
            zh: '以为向上取整到整页就够了。内核让管道的环形缓冲区保持 2 的幂：请求 5 页得到 8 页。',
          },
        },
      },
      {
        fn: 'spliceSteps',
        part: 2,
        model: {
          en: 'Each round moves min(pipe, call limit, what is left) bytes and one page reference for every page its bytes touch, so rounds that split a page each count it.',
          zh: '每一轮移动 min（管道容量、单次调用上限、剩余字节）字节，它的字节触及的每一页都要一个页引用，所以把一页分开的两轮各算一次。',
        },
        wrong: {
          section: 'splice',
          misconception: {
            en: 'Page references are counted as the file\'s pages, as if every round began on a page boundary. A short splice() leaves the next round starting inside a page.',
            zh: '把页引用数当成文件的页数，好像每一轮都从页边界开始。一次短返回的 splice() 会让下一轮从页中间开始。',
          },
        },
      },
      {
        fn: 'spliceCallSteps',
        part: 3,
        model: {
          en: 'file → pipe: the two mode switches, plus the disk DMA on a miss; no byte enters the pipe. pipe → socket: as sendfile() into the socket buffer, then the NIC\'s DMA.',
          zh: '文件 → 管道：两次模式切换，未命中时再加磁盘的 DMA；没有字节进入管道。管道 → 套接字：像 sendfile() 那样进入套接字缓冲区，然后是网卡的 DMA。',
        },
        wrong: {
          section: 'splice',
          misconception: {
            en: 'Splicing a file into a pipe is taken for copying its bytes into the pipe. A pipe holds references to page-cache pages: nothing is copied.',
            zh: '以为把文件 splice 进管道就是把字节拷进管道。管道里放的是指向页缓存页面的引用：什么都没有拷贝。',
          },
        },
      },
      {
        fn: 'normaliseRanges',
        part: 4,
        model: {
          en: 'Sort by start, then grow the last range while the next one overlaps or touches it: [1, 3] and [4, 4] become [1, 4].',
          zh: '按起点排序，然后只要下一个区间与最后一个重叠或相接，就扩展最后一个：[1, 3] 和 [4, 4] 合成 [1, 4]。',
        },
        wrong: {
          section: 'msg-zerocopy',
          misconception: {
            en: 'Only overlapping ranges are merged. Send ids are whole numbers, so ranges that touch describe one run of completed sends.',
            zh: '只合并重叠的区间。发送编号是整数，相接的区间描述的是同一段已完成的发送。',
          },
        },
      },
      {
        fn: 'addNotification',
        part: 4,
        model: {
          en: 'Split the reported range where it wraps past 2^32 - 1, add it (and to the copied ranges when flagged), normalise; a repeated notification changes nothing.',
          zh: '在越过 2^32 - 1 处把报告的区间拆开，加入已完成区间（带 copied 标记时也加入 copied 区间），再规范化；重复的通知不改变任何东西。',
        },
        wrong: {
          section: 'msg-zerocopy',
          misconception: {
            en: 'A range with lo > hi is treated as empty. The counter is 32 bits and wraps: [2^32 - 2, 1] is four sends.',
            zh: '把 lo > hi 的区间当作空的。计数器是 32 位、会回绕：[2^32 - 2, 1] 是四次发送。',
          },
        },
      },
      {
        fn: 'freeBuffers',
        part: 4,
        model: {
          en: 'Keep the outstanding ids whose send is completed, in the order given: a buffer is free when its own completion has arrived.',
          zh: '保留那些发送已完成的未决编号，顺序照旧：缓冲区只有在它自己的完成通知到达后才空闲。',
        },
        wrong: {
          section: 'msg-zerocopy',
          misconception: {
            en: 'Every send up to the highest completed id is taken as done, as if completions came in order. They may not; a gap is a buffer still in use.',
            zh: '以为编号不超过最高已完成编号的发送都已完成，好像完成通知按顺序到达。事实并非如此；中间的空缺就是仍在使用的缓冲区。',
          },
        },
      },
      {
        fn: 'chooseDirectIo',
        part: 5,
        model: {
          en: 'nginx\'s directio size decides when given; otherwise a file read repeatedly, or one that fits in the cache, stays with the page cache, and a larger one read once or at random goes to direct I/O.',
          zh: '给定 nginx 的 directio 大小时由它决定；否则被反复读取的文件、或放得进缓存的文件留在页缓存，读一次或随机读取的更大文件走直接 I/O。',
        },
        wrong: {
          section: 'wrong-tool',
          misconception: {
            en: '"Large files: direct I/O, small files: zero-copy", by size alone. A large file read again and again is exactly what the page cache is for.',
            zh: '只按大小判断：“大文件用直接 I/O，小文件用零拷贝”。被反复读取的大文件恰恰是页缓存该留住的。',
          },
        },
      },
    ],
  },
];

export function answerKeyFor(folder: string, fn: string): AnswerKeyFunction | undefined {
  return ANSWER_KEYS.find((chapter) => chapter.folder === folder)?.functions.find((f) => f.fn === fn);
}
