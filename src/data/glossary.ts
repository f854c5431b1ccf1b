// The course's glossary: every term the chapters teach, defined once in both languages and
// linked to the section that teaches it. The zh term is the one the zh-Hans chapters use;
// tests/site/glossary.test.ts holds the chapters to it (and to each entry's `avoid` list) and
// checks that every link and section title still matches a heading in the chapter.
import {CHAPTERS, type Chapter} from './course';

/** A section of a chapter that teaches the term, with its heading text in each locale. */
export interface GlossarySection {
  /** `/docs/<chapter-slug>/#<heading-id>`, the same in both locales. */
  readonly href: string;
  readonly title: {readonly en: string; readonly zh: string};
}

export interface GlossaryEntry {
  /** Anchor on the glossary page: chapters link `/docs/teach/glossary/#<id>`. */
  readonly id: string;
  readonly en: string;
  /** The term exactly as the zh-Hans chapters write it. */
  readonly zh: string;
  /** Chinese variants the zh-Hans chapters must not use for this term (checked outside code). */
  readonly avoid?: readonly string[];
  readonly definition: {readonly en: string; readonly zh: string};
  /** The first section is where the term is introduced; it decides the zh page's grouping. */
  readonly taughtIn: readonly [GlossarySection, ...GlossarySection[]];
}

const ch1 = '/docs/user-and-kernel-space/';
const ch2 = '/docs/dma/';
const ch3 = '/docs/read-write/';
const ch4 = '/docs/sendfile/';
const ch5 = '/docs/scatter-gather/';
const ch6 = '/docs/mmap-and-java-nio/';
const ch7 = '/docs/beyond-sendfile/';

// Section links used by several entries, spelled once.
const S = {
  addressSpaceSplit: {href: `${ch1}#the-address-space-split`, title: {en: 'The address-space split', zh: '地址空间的划分'}},
  canonical: {href: `${ch1}#canonical-addresses`, title: {en: 'Canonical addresses', zh: '规范地址'}},
  traps: {href: `${ch1}#system-calls-are-traps`, title: {en: 'System calls are traps', zh: '系统调用是陷入'}},
  modeVsContext: {
    href: `${ch1}#mode-switch-vs-context-switch`,
    title: {en: 'Mode switch vs context switch', zh: '模式切换与上下文切换'},
  },
  vdso: {href: `${ch1}#the-vdso`, title: {en: 'The vDSO', zh: 'vDSO'}},
  programmedIo: {href: `${ch2}#programmed-io`, title: {en: 'Programmed I/O', zh: '程序控制 I/O'}},
  dmaEngine: {href: `${ch2}#what-a-dma-engine-does`, title: {en: 'What a DMA engine does', zh: 'DMA 引擎做什么'}},
  completion: {href: `${ch2}#completion-interrupts`, title: {en: 'Completion interrupts', zh: '完成中断'}},
  contiguous: {href: `${ch2}#contiguous-buffers`, title: {en: 'Contiguous buffers', zh: '连续的缓冲区'}},
  realDevices: {
    href: `${ch2}#real-devices`,
    title: {en: 'Real devices: descriptor rings and gather lists', zh: '真实的设备：描述符环和聚集列表'},
  },
  theProgram: {href: `${ch3}#the-program`, title: {en: 'The program', zh: '程序'}},
  fourCopies: {href: `${ch3}#the-four-copies`, title: {en: 'The four copies', zh: '四次拷贝'}},
  modeSwitches: {href: `${ch3}#mode-switches`, title: {en: 'Mode switches, not context switches', zh: '是模式切换，不是上下文切换'}},
  pageCacheHits: {href: `${ch3}#page-cache-hits`, title: {en: 'Page-cache hits', zh: '页缓存命中'}},
  oneCall: {href: `${ch4}#one-call`, title: {en: 'One call', zh: '一次调用'}},
  sendfileSg: {href: `${ch4}#scatter-gather`, title: {en: 'Scatter-gather', zh: '分散/聚集'}},
  checksumOffload: {href: `${ch4}#checksum-offload`, title: {en: 'Checksum offload', zh: '校验和卸载'}},
  shortReturns: {href: `${ch4}#short-returns`, title: {en: 'Short returns', zh: '短返回'}},
  splice: {href: `${ch4}#built-on-splice`, title: {en: 'Built on splice', zh: '建在 splice 之上'}},
  pageReferences: {href: `${ch5}#page-references-not-bytes`, title: {en: 'Page references, not bytes', zh: '页引用，而不是字节'}},
  pagesAndOffsets: {href: `${ch5}#pages-and-offsets`, title: {en: 'Pages and offsets', zh: '页与偏移'}},
  fragments: {href: `${ch5}#fragments-and-descriptors`, title: {en: 'Fragments and descriptors', zh: '分片与描述符'}},
  rings: {href: `${ch5}#rings-and-interrupts`, title: {en: 'Descriptor rings and interrupts', zh: '描述符环与中断'}},
  nicNeeds: {href: `${ch5}#what-the-nic-needs`, title: {en: 'What the NIC needs', zh: '网卡需要什么'}},
  mmapWrite: {href: `${ch6}#mmap-plus-write`, title: {en: 'mmap() + write()', zh: 'mmap() + write()'}},
  mappingIsCache: {
    href: `${ch6}#mapping-is-the-page-cache`,
    title: {en: 'The mapping is the page cache', zh: '映射就是页缓存'},
  },
  pageFaults: {href: `${ch6}#page-faults`, title: {en: 'Page faults', zh: '缺页异常'}},
  readahead: {href: `${ch6}#readahead`, title: {en: 'Readahead and fault-around', zh: '预读与 fault-around'}},
  mmapFaster: {href: `${ch6}#is-mmap-faster`, title: {en: 'Is mmap faster?', zh: 'mmap 更快吗？'}},
  mappedByteBuffer: {
    href: `${ch6}#mapped-byte-buffer`,
    title: {en: 'FileChannel.map and MappedByteBuffer', zh: 'FileChannel.map 与 MappedByteBuffer'},
  },
  flipCompact: {href: `${ch6}#flip-and-compact`, title: {en: 'flip() and compact()', zh: 'flip() 与 compact()'}},
  transferToPaths: {href: `${ch6}#transferto-paths`, title: {en: 'Which path transferTo takes', zh: 'transferTo 走哪条路径'}},
  pipeOfReferences: {href: `${ch7}#splice`, title: {en: 'splice(): a pipe of page references', zh: 'splice()：装着页引用的管道'}},
  vmspliceTee: {href: `${ch7}#vmsplice-tee`, title: {en: 'vmsplice() and tee()', zh: 'vmsplice() 与 tee()'}},
  copyFileRange: {
    href: `${ch7}#copy-file-range`,
    title: {en: 'copy_file_range(): from file to file inside the kernel', zh: 'copy_file_range()：在内核里从文件到文件'},
  },
  msgZerocopy: {href: `${ch7}#msg-zerocopy`, title: {en: 'MSG_ZEROCOPY: sending from user memory', zh: 'MSG_ZEROCOPY：从用户内存发送'}},
  ioUring: {href: `${ch7}#io-uring`, title: {en: 'io_uring: the same idea, with two completions', zh: 'io_uring：同样的思路，两个完成事件'}},
  ktls: {href: `${ch7}#ktls`, title: {en: 'kTLS: TLS without leaving the kernel path', zh: 'kTLS：不离开内核路径的 TLS'}},
  wrongTool: {href: `${ch7}#wrong-tool`, title: {en: 'When zero-copy is the wrong tool', zh: '零拷贝什么时候是错误的工具'}},
} as const satisfies Record<string, GlossarySection>;

export const GLOSSARY: readonly GlossaryEntry[] = [
  // Chapter 1: the boundary.
  {
    id: 'user-space',
    en: 'user space',
    zh: '用户空间',
    definition: {
      en: "The lower half of a process's virtual address space: its code, heap, stack and mapped files, different in every process. A program's own buffers live here.",
      zh: '进程虚拟地址空间的下半部分，放着它的代码、堆、栈和映射的文件，每个进程各有一份。程序自己的缓冲区就在这里。',
    },
    taughtIn: [S.addressSpaceSplit],
  },
  {
    id: 'kernel-space',
    en: 'kernel space',
    zh: '内核空间',
    definition: {
      en: 'The upper half of every virtual address space: the kernel’s code and data, mapped at the same addresses in every process and reachable only in kernel mode.',
      zh: '每个虚拟地址空间的上半部分：内核的代码和数据，在每个进程里都位于同样的地址，只有在内核态才能访问。',
    },
    taughtIn: [S.addressSpaceSplit],
  },
  {
    id: 'user-mode',
    en: 'user mode',
    zh: '用户态',
    avoid: ['用户模式'],
    definition: {
      en: 'The CPU’s unprivileged mode, in which programs run: privileged instructions are refused and kernel space cannot be touched. (User space is a range of addresses; user mode is a state of the CPU.)',
      zh: 'CPU 的非特权模式，普通程序在其中运行：特权指令被拒绝，内核空间不可访问。（用户空间是一段地址，用户态是 CPU 的一种状态。）',
    },
    taughtIn: [S.addressSpaceSplit],
  },
  {
    id: 'kernel-mode',
    en: 'kernel mode',
    zh: '内核态',
    avoid: ['内核模式'],
    definition: {
      en: 'The CPU’s privileged mode, in which the kernel runs: it may change page tables, talk to devices and touch every address.',
      zh: 'CPU 的特权模式，内核在其中运行：可以修改页表、直接操作设备、访问任何地址。',
    },
    taughtIn: [S.addressSpaceSplit],
  },
  {
    id: 'canonical-address',
    en: 'canonical address',
    zh: '规范地址',
    definition: {
      en: 'On x86-64, a 64-bit address whose unused top bits all repeat the highest implemented bit; any other address faults, which is why most 64-bit numbers are not addresses at all.',
      zh: '在 x86-64 上，高位未使用的比特全部等于最高实现位的 64 位地址；其他地址一访问就出错，所以绝大多数 64 位数字根本不是地址。',
    },
    taughtIn: [S.canonical],
  },
  {
    id: 'system-call',
    en: 'system call (syscall)',
    zh: '系统调用',
    definition: {
      en: 'A request from a program to the kernel, made with a trap instruction (`syscall` on x86-64). It costs two mode switches, in and out; the same task runs throughout, so it is not a context switch.',
      zh: '程序向内核发出的请求，通过陷入指令（x86-64 上是 `syscall`）发起。它的代价是进出各一次，共两次模式切换；自始至终是同一个任务在运行，所以它不是上下文切换。',
    },
    taughtIn: [S.traps],
  },
  {
    id: 'trap',
    en: 'trap',
    zh: '陷入',
    definition: {
      en: 'A synchronous entry into the kernel, at an entry point the kernel set up in advance, caused by the instruction being run: on purpose for a system call (the trap instruction), or by a fault such as a page fault.',
      zh: '由正在执行的指令引起、经内核事先设好的入口同步地进入内核：系统调用是有意的（陷入指令），缺页异常这样的故障则不是。两者都由此从用户态进入内核态。',
    },
    taughtIn: [S.traps],
  },
  {
    id: 'mode-switch',
    en: 'mode switch',
    zh: '模式切换',
    definition: {
      en: 'The CPU changing privilege level, user mode to kernel mode or back, while the same task keeps running. Every system call makes two, and each costs on the order of a hundred nanoseconds.',
      zh: 'CPU 在用户态和内核态之间改变特权级别，始终是同一个任务在运行。每次系统调用有两次，每次的代价在百纳秒量级。',
    },
    taughtIn: [S.modeVsContext, S.modeSwitches],
  },
  {
    id: 'context-switch',
    en: 'context switch',
    zh: '上下文切换',
    definition: {
      en: 'The scheduler taking one task off a CPU and putting another on: saving and restoring registers, and switching page tables if the other task is in another process. A system call causes one only when it blocks or is preempted; it costs roughly an order of magnitude more than a whole system call.',
      zh: '调度器把一个任务从 CPU 上换下来，换上另一个：保存和恢复寄存器，另一个任务属于别的进程时还要切换页表。系统调用只有在阻塞或被抢占时才会引起它；它的代价比一整次系统调用高出大约一个数量级。',
    },
    taughtIn: [S.modeVsContext, S.modeSwitches],
  },
  {
    id: 'vdso',
    en: 'vDSO',
    zh: 'vDSO',
    definition: {
      en: 'A small library the kernel maps into every process so that a few calls, such as `clock_gettime()`, run entirely in user mode: no trap, no mode switch.',
      zh: '内核映射进每个进程的一个小库，让 `clock_gettime()` 等少数调用完全在用户态完成：没有陷入，也没有模式切换。',
    },
    taughtIn: [S.vdso],
  },
  // Chapter 2: DMA.
  {
    id: 'programmed-io',
    en: 'programmed I/O (PIO)',
    zh: '程序控制 I/O',
    definition: {
      en: 'The CPU moving every word between a device and memory itself, one load or store at a time; the alternative that DMA replaces.',
      zh: '由 CPU 自己在设备和内存之间逐字搬运数据，每次一条读写指令；DMA 取代的正是这种方式。',
    },
    taughtIn: [S.programmedIo],
  },
  {
    id: 'dma',
    en: 'DMA (direct memory access)',
    zh: 'DMA',
    avoid: ['直接存储器访问', '直接存储器存取'],
    definition: {
      en: 'A device reading or writing memory by itself. The CPU only says where, how much and which way, then handles the completion interrupt; the bytes never pass through it.',
      zh: '设备自己读写内存（直接内存访问）。CPU 只告诉它地址、长度和方向，然后处理完成中断；字节不经过 CPU。',
    },
    taughtIn: [S.dmaEngine],
  },
  {
    id: 'dma-engine',
    en: 'DMA engine',
    zh: 'DMA 引擎',
    definition: {
      en: 'The hardware, in or beside a device, that performs DMA transfers once the CPU has programmed it.',
      zh: '位于设备内部或旁边、由 CPU 编程后执行 DMA 传输的那块硬件。',
    },
    taughtIn: [S.dmaEngine],
  },
  {
    id: 'bus-address',
    en: 'bus address (DMA address)',
    zh: '总线地址',
    definition: {
      en: 'The address a device uses for memory, a third kind beside virtual and physical addresses. The kernel’s DMA API returns it; with an IOMMU it is translated, without one it may equal the physical address.',
      zh: '设备访问内存时使用的地址，是虚拟地址和物理地址之外的第三种地址。由内核的 DMA 接口返回；有 IOMMU 时要经过翻译，没有时可能就等于物理地址。',
    },
    taughtIn: [S.dmaEngine],
  },
  {
    id: 'iommu',
    en: 'IOMMU',
    zh: 'IOMMU',
    definition: {
      en: 'A memory-management unit for devices: it translates bus addresses to physical ones and limits which memory each device may reach.',
      zh: '面向设备的内存管理单元：把总线地址翻译成物理地址，并限制每个设备能访问哪些内存。',
    },
    taughtIn: [S.dmaEngine],
  },
  {
    id: 'completion-interrupt',
    en: 'completion interrupt',
    zh: '完成中断',
    definition: {
      en: 'The interrupt a device raises when a DMA transfer is done, so the CPU can hand the data on. The CPU’s remaining cost of a DMA transfer is programming it and handling this.',
      zh: 'DMA 传输完成时设备发出的中断，让 CPU 接着处理数据。一次 DMA 传输留给 CPU 的开销，就是编程设置它和处理这个中断。',
    },
    taughtIn: [S.completion],
  },
  {
    id: 'block-dma',
    en: 'block DMA',
    zh: '块 DMA',
    definition: {
      en: 'The simplest DMA engine: one start address and one length per transfer, so scattered memory takes one transfer and one interrupt per contiguous block.',
      zh: '最简单的 DMA 引擎：每次传输只有一个起始地址和一个长度，所以分散的内存每个连续块都要一次传输、一次中断。',
    },
    taughtIn: [S.contiguous],
  },
  {
    id: 'descriptor-ring',
    en: 'descriptor ring',
    zh: '描述符环',
    definition: {
      en: 'A circular array of descriptors shared by a driver and its device: the driver fills entries, the device consumes them and reports completions, so many transfers run without the CPU programming each one.',
      zh: '驱动和设备共享的一个环形描述符数组：驱动填写表项，设备依次处理并报告完成，很多次传输无须 CPU 逐个编程。',
    },
    taughtIn: [S.realDevices, S.rings],
  },
  {
    id: 'interrupt-coalescing',
    en: 'interrupt coalescing',
    zh: '中断合并',
    definition: {
      en: 'A device waiting for several completions, or a few microseconds, before raising one interrupt for all of them, trading a little latency for far fewer interrupts.',
      zh: '设备攒下几次完成（或等上几微秒）再为它们发一次中断，用一点延迟换来少得多的中断。',
    },
    taughtIn: [S.realDevices, S.rings],
  },
  {
    id: 'scatter-gather-dma',
    en: 'scatter-gather DMA',
    zh: '分散/聚集 DMA',
    avoid: ['分散-聚集', '分散聚集', '发散/聚集'],
    definition: {
      en: 'DMA driven by a list of (address, length) pieces instead of one block: the device gathers scattered memory into one transfer (or scatters one into many). It lets a network card send straight from page-cache pages.',
      zh: '按一串（地址，长度）片段而不是一个连续块来做 DMA：设备把分散的内存聚集成一次传输（或把一次传输分散到多处）。有了它，网卡可以直接从页缓存的页发送。',
    },
    taughtIn: [S.realDevices, S.pageReferences],
  },
  // Chapter 3: read() + write().
  {
    id: 'user-buffer',
    en: 'user buffer',
    zh: '用户缓冲区',
    definition: {
      en: 'Memory in user space that a program passes to read() and write(); in a read()+write() loop every byte is copied into it and out again by the CPU.',
      zh: '程序传给 read() 和 write() 的一块用户空间内存；在 read()+write() 循环里，每个字节都要由 CPU 拷进来、再拷出去。',
    },
    taughtIn: [S.theProgram],
  },
  {
    id: 'page-cache',
    en: 'page cache',
    zh: '页缓存',
    avoid: ['页面缓存', '页高速缓存', '页面高速缓存'],
    definition: {
      en: 'The kernel’s cache of file contents in memory, page by page. Reads are served from it, disk DMA fills it, and sendfile(), splice and mmap() all work on its pages directly.',
      zh: '内核在内存中按页缓存的文件内容。读操作从它取数据，磁盘 DMA 往它里面填；sendfile()、splice 和 mmap() 都直接使用它的页。',
    },
    taughtIn: [S.fourCopies, S.pageCacheHits],
  },
  {
    id: 'socket-buffer',
    en: 'socket buffer (send buffer)',
    zh: '套接字缓冲区',
    avoid: ['socket 缓冲区', 'socket缓冲区', '套接字缓存'],
    definition: {
      en: 'The kernel memory that holds a socket’s outgoing data until the network card has sent it (and TCP has had it acknowledged). write() copies into it; with scatter-gather it holds page references instead of bytes.',
      zh: '内核中存放套接字待发送数据的内存，直到网卡把数据发出（并且 TCP 收到确认）。write() 把字节拷进去；有了分散/聚集，它存的是页引用而不是字节。',
    },
    taughtIn: [S.fourCopies, S.pageReferences],
  },
  {
    id: 'cpu-copy',
    en: 'CPU copy',
    zh: 'CPU 拷贝',
    avoid: ['CPU 复制', 'CPU复制'],
    definition: {
      en: 'A copy in which the CPU loads and stores every byte, such as page cache to user buffer. These are the copies zero-copy removes.',
      zh: '由 CPU 逐字节读出再写入的拷贝，比如从页缓存拷到用户缓冲区。零拷贝去掉的就是这种拷贝。',
    },
    taughtIn: [S.fourCopies],
  },
  {
    id: 'dma-copy',
    en: 'DMA copy',
    zh: 'DMA 拷贝',
    avoid: ['DMA 复制', 'DMA复制'],
    definition: {
      en: 'A copy made by a device’s DMA engine, such as disk to page cache or socket buffer to network card. The CPU only programs it; zero-copy methods keep these.',
      zh: '由设备的 DMA 引擎完成的拷贝，比如从磁盘到页缓存、从套接字缓冲区到网卡。CPU 只负责编程设置；零拷贝方法保留这些拷贝。',
    },
    taughtIn: [S.fourCopies],
  },
  {
    id: 'zero-copy',
    en: 'zero-copy',
    zh: '零拷贝',
    avoid: ['零复制'],
    definition: {
      en: 'Sending data without the CPU copying it between memory buffers. It is said from the operating system’s point of view: DMA copies by the disk and the network card remain.',
      zh: '发送数据时不让 CPU 在内存缓冲区之间拷贝它。这是从操作系统的角度说的：磁盘和网卡的 DMA 拷贝依然存在。',
    },
    taughtIn: [S.fourCopies, S.nicNeeds],
  },
  {
    id: 'readahead',
    en: 'readahead',
    zh: '预读',
    definition: {
      en: 'The kernel reading more of a file than was asked for when it sees sequential access, so later reads or page faults find the pages already cached.',
      zh: '内核发现顺序访问时读入比请求更多的文件内容，让之后的读操作或缺页异常发现页已经在缓存里。',
    },
    taughtIn: [S.pageCacheHits, S.readahead],
  },
  // Chapter 4: sendfile().
  {
    id: 'sendfile',
    en: 'sendfile()',
    zh: 'sendfile()',
    definition: {
      en: 'A Linux system call that sends bytes from a file to a socket inside the kernel: no user buffer, two mode switches per call, and no CPU copy at all when the network card supports scatter-gather.',
      zh: 'Linux 的一个系统调用，在内核里把字节从文件发送到套接字：没有用户缓冲区，每次调用两次模式切换；网卡支持分散/聚集时，完全没有 CPU 拷贝。',
    },
    taughtIn: [S.oneCall],
  },
  {
    id: 'short-return',
    en: 'short return',
    zh: '短返回',
    definition: {
      en: 'A call that moves fewer bytes than requested and says so in its return value. It is not an error: a correct program loops until everything is sent.',
      zh: '调用搬运的字节比请求的少，并在返回值里如实说明。这不是错误：正确的程序会循环，直到全部发送完。',
    },
    taughtIn: [S.shortReturns],
  },
  {
    id: 'splice',
    en: 'splice()',
    zh: 'splice',
    definition: {
      en: 'A system call that moves data between a pipe and another file descriptor inside the kernel, handing over page references where it can instead of copying bytes; sendfile() is built on the same machinery.',
      zh: '一个在内核里、在管道和另一个文件描述符之间搬运数据的系统调用，能传递页引用时就不拷贝字节；sendfile() 就建在同一套机制之上。',
    },
    taughtIn: [S.splice, S.pipeOfReferences],
  },
  {
    id: 'checksum-offload',
    en: 'checksum offload',
    zh: '校验和卸载',
    definition: {
      en: 'The network card computing TCP/UDP checksums itself. Without it the CPU must read every byte once to compute them, even when nothing is copied.',
      zh: '由网卡自己计算 TCP/UDP 校验和。没有它，即使不做任何拷贝，CPU 也得把每个字节读一遍来计算校验和。',
    },
    taughtIn: [S.checksumOffload, S.nicNeeds],
  },
  {
    id: 'cpu-pass',
    en: 'CPU pass (read pass)',
    zh: '读取遍历',
    definition: {
      en: 'The CPU reading every byte without copying it, as it must to compute a checksum when the card cannot; it costs CPU time and cache space much like a copy.',
      zh: 'CPU 把每个字节读一遍但不拷贝，网卡不能算校验和时就要这样做；它占用的 CPU 时间和缓存与一次拷贝相差无几。',
    },
    taughtIn: [S.checksumOffload, S.nicNeeds],
  },
  // Chapter 5: scatter-gather.
  {
    id: 'page-frame',
    en: 'page frame',
    zh: '页框',
    definition: {
      en: 'A page-sized, page-aligned piece of physical memory. Cached file pages sit in whatever frames were free, so consecutive file pages are rarely contiguous in memory.',
      zh: '物理内存中大小为一页、按页对齐的一块。文件的缓存页落在当时空闲的页框里，所以文件中相邻的页在内存里很少相邻。',
    },
    taughtIn: [S.pagesAndOffsets],
  },
  {
    id: 'fragment',
    en: 'fragment (skb fragment)',
    zh: '分片',
    definition: {
      en: 'A (page, offset, length) reference held in a socket buffer in place of copied bytes; the driver maps each fragment to a descriptor for the card to gather.',
      zh: '套接字缓冲区中代替拷贝字节的一个（页，偏移，长度）引用；驱动把每个分片映射成一个描述符，由网卡聚集。',
    },
    taughtIn: [S.fragments, S.sendfileSg],
  },
  {
    id: 'descriptor',
    en: 'descriptor',
    zh: '描述符',
    definition: {
      en: 'One entry a driver writes for its device: a bus address and a length (plus flags). A scatter-gather transfer is a list of them.',
      zh: '驱动为设备写下的一个表项：一个总线地址加一个长度（以及一些标志）。一次分散/聚集传输就是一串描述符。',
    },
    taughtIn: [S.fragments],
  },
  {
    id: 'nic',
    en: 'network card (NIC)',
    zh: '网卡',
    definition: {
      en: 'The network interface card, which sends and receives packets by DMA. Whether it supports scatter-gather and checksum offload decides how many CPU copies and passes sendfile() needs.',
      zh: '网络接口卡，通过 DMA 收发数据包。它是否支持分散/聚集和校验和卸载，决定了 sendfile() 还需要多少次 CPU 拷贝和读取遍历。',
    },
    taughtIn: [S.nicNeeds],
  },
  // Chapter 6: mmap() and Java NIO.
  {
    id: 'file-mapping',
    en: 'file mapping (memory-mapped file)',
    zh: '文件映射',
    definition: {
      en: 'A range of a process’s address space that mmap() backs with a file: its pages are the page cache’s own pages, mapped lazily, one page fault at a time.',
      zh: '进程地址空间中由 mmap() 用文件支撑的一段区域（也叫内存映射文件）：它的页就是页缓存自己的页，按需映射，每次缺页异常映射一批。',
    },
    taughtIn: [S.mmapWrite, S.mappingIsCache],
  },
  {
    id: 'page-fault',
    en: 'page fault',
    zh: '缺页异常',
    avoid: ['缺页中断', '页错误', '页面错误'],
    definition: {
      en: 'The trap the CPU takes when a program touches a virtual address whose page-table entry is missing; the kernel finds the page, installs the entry and resumes the instruction. It is an exception, not an interrupt.',
      zh: '程序访问一个页表项缺失的虚拟地址时 CPU 进入的陷入；内核找到那一页、填好页表项，再重新执行那条指令。它是异常，不是中断。',
    },
    taughtIn: [S.pageFaults],
  },
  {
    id: 'minor-fault',
    en: 'minor page fault',
    zh: '次缺页',
    avoid: ['轻微缺页', '软缺页'],
    definition: {
      en: 'A page fault on a page already in the page cache: only the page table changes, no disk read.',
      zh: '所访问的页已经在页缓存中的缺页异常：只修改页表，不读磁盘。',
    },
    taughtIn: [S.pageFaults],
  },
  {
    id: 'major-fault',
    en: 'major page fault',
    zh: '主缺页',
    avoid: ['严重缺页', '硬缺页'],
    definition: {
      en: 'A page fault on a page that is not in memory: the kernel reads it from disk (a DMA copy and an interrupt) while the task waits.',
      zh: '所访问的页不在内存中的缺页异常：内核从磁盘读入它（一次 DMA 拷贝和一次中断），任务在此期间等待。',
    },
    taughtIn: [S.pageFaults],
  },
  {
    id: 'fault-around',
    en: 'fault-around',
    zh: 'fault-around',
    definition: {
      en: 'On a read fault, the kernel also mapping the cached pages around the faulting one (an aligned window set by fault_around_bytes), so a sequential pass takes one fault per window instead of one per page.',
      zh: '发生读缺页时，内核顺便把出错页周围已缓存的页也映射上（一个由 fault_around_bytes 决定的对齐窗口），于是顺序读取每个窗口只缺页一次，而不是每页一次。',
    },
    taughtIn: [S.readahead],
  },
  {
    id: 'tlb-shootdown',
    en: 'TLB shootdown',
    zh: 'TLB 击落',
    definition: {
      en: 'Interrupting other CPUs so they drop stale address translations from their TLBs after the kernel removes or changes a mapping; one of the hidden costs of mmap().',
      zh: '内核撤销或修改一个映射后，中断其他 CPU，让它们从 TLB 中清除过时的地址翻译；这是 mmap() 的隐性代价之一。',
    },
    taughtIn: [S.mmapFaster],
  },
  {
    id: 'mapped-byte-buffer',
    en: 'MappedByteBuffer',
    zh: 'MappedByteBuffer',
    definition: {
      en: 'What Java’s FileChannel.map() returns: a file mapping seen as a ByteBuffer, at most Integer.MAX_VALUE bytes (just under 2 GiB) per mapping, with no public way to unmap it before the garbage collector does.',
      zh: 'Java 的 FileChannel.map() 返回的对象：以 ByteBuffer 形式呈现的文件映射，每次映射最多 Integer.MAX_VALUE 字节（不到 2 GiB），在垃圾回收器回收之前没有公开的解除映射的方法。',
    },
    taughtIn: [S.mappedByteBuffer],
  },
  {
    id: 'direct-buffer',
    en: 'direct buffer',
    zh: '直接缓冲区',
    definition: {
      en: 'A Java ByteBuffer allocated outside the Java heap (ByteBuffer.allocateDirect), which the kernel can read and write in place. A heap buffer costs an extra CPU copy per call through a temporary direct buffer.',
      zh: '在 Java 堆之外分配的 ByteBuffer（ByteBuffer.allocateDirect），内核可以直接读写它。堆缓冲区则每次调用都要经由一个临时直接缓冲区，多一次 CPU 拷贝。',
    },
    taughtIn: [S.flipCompact],
  },
  {
    id: 'transfer-to',
    en: 'FileChannel.transferTo',
    zh: 'transferTo',
    definition: {
      en: 'Java’s file-to-channel transfer. On Linux, to a socket, it becomes sendfile(), so Java gets the same zero-copy path; for other targets the JDK may copy between files in the kernel, write from a mapping, or fall back to a buffer loop.',
      zh: 'Java 从文件到通道的传输方法。在 Linux 上发往套接字时，它就是 sendfile()，Java 因此走上同样的零拷贝路径；对其他目标，JDK 可能在内核里做文件间拷贝、从映射写出，或退回缓冲区循环。',
    },
    taughtIn: [S.transferToPaths],
  },

  // Chapter 7: beyond sendfile().
  {
    id: 'pipe-buffer',
    en: 'pipe buffer',
    zh: '管道缓冲区',
    definition: {
      en: 'One slot of a pipe inside the kernel: a reference to a page plus an offset and a length. splice() fills pipe buffers with references to page-cache pages, so a pipe carries data without copying it. A pipe has 16 of them by default; F_SETPIPE_SZ changes that.',
      zh: '内核里管道的一个槽位：对一个页的引用，加上偏移和长度。splice() 往管道缓冲区里放的是页缓存中那些页的引用，所以管道搬运数据而不拷贝它。一个管道默认有 16 个管道缓冲区，F_SETPIPE_SZ 可以改变这个数目。',
    },
    taughtIn: [S.pipeOfReferences],
  },
  {
    id: 'vmsplice',
    en: 'vmsplice()',
    zh: 'vmsplice()',
    definition: {
      en: 'A system call that puts pages of user memory into a pipe. With SPLICE_F_GIFT the program gives the pages away and must not touch them again, because nothing tells it when the kernel has finished with them.',
      zh: '一个把用户内存的页放进管道的系统调用。带上 SPLICE_F_GIFT，程序就把这些页送了出去，不能再碰它们，因为没有任何东西告诉它内核什么时候用完了它们。',
    },
    taughtIn: [S.vmspliceTee],
  },
  {
    id: 'tee',
    en: 'tee()',
    zh: 'tee()',
    definition: {
      en: 'A system call that duplicates the page references of one pipe into another without consuming them, so the same data can be spliced to two places without a copy.',
      zh: '一个系统调用，把一个管道里的页引用复制到另一个管道而不消耗它们，于是同样的数据不经拷贝就能 splice 到两个地方。',
    },
    taughtIn: [S.vmspliceTee],
  },
  {
    id: 'copy-file-range',
    en: 'copy_file_range()',
    zh: 'copy_file_range()',
    definition: {
      en: 'A system call that copies a range of one file into another inside the kernel, without the bytes coming up to user space. Depending on the filesystem it shares blocks (a reflink), asks a server to copy, or copies through the page cache; between different filesystems it may fail with EXDEV, so programs keep a fallback.',
      zh: '一个在内核里把一个文件的一段拷贝到另一个文件的系统调用，字节不必上到用户空间。视文件系统而定，它共享数据块（reflink）、请服务器来拷贝，或者经由页缓存拷贝；在不同的文件系统之间它可能以 EXDEV 失败，所以程序要保留一条退路。',
    },
    taughtIn: [S.copyFileRange],
  },
  {
    id: 'reflink',
    en: 'reflink',
    zh: 'reflink',
    definition: {
      en: 'A copy that shares the source’s blocks on disk instead of writing them again: the new file points at the same extents, and a block is copied only when one side later changes it. Btrfs and XFS can make one; cp --reflink and the FICLONE ioctl ask for it.',
      zh: '一种共享源文件磁盘数据块、而不把它们再写一遍的拷贝：新文件指向同样的 extent，只有当某一方之后修改了某个块，这个块才被拷贝。Btrfs 和 XFS 能做到；cp --reflink 和 FICLONE ioctl 请求的就是它。',
    },
    taughtIn: [S.copyFileRange],
  },
  {
    id: 'msg-zerocopy',
    en: 'MSG_ZEROCOPY',
    zh: 'MSG_ZEROCOPY',
    definition: {
      en: 'A send() flag (Linux 4.14, once SO_ZEROCOPY is set on the socket) that lets the network card read the data from the program’s own pinned pages instead of a copy in the socket buffer. send() returns at once; the buffer stays the kernel’s until a completion notification covers it. It pays only for large writes.',
      zh: 'send() 的一个标志（Linux 4.14 起，套接字先设置 SO_ZEROCOPY），让网卡从程序自己被钉住的页读取数据，而不是从套接字缓冲区里的副本读取。send() 立即返回；在有完成通知覆盖它之前，缓冲区一直归内核使用。只有大的写入才划算。',
    },
    taughtIn: [S.msgZerocopy],
  },
  {
    id: 'completion-notification',
    en: 'completion notification',
    zh: '完成通知',
    definition: {
      en: 'The kernel’s message that it no longer needs the pages of a zero-copy send, so the buffer may be reused. MSG_ZEROCOPY puts it on the socket’s error queue, read with recvmsg(MSG_ERRQUEUE), as a range of send numbers; io_uring’s SEND_ZC posts it as a second completion flagged IORING_CQE_F_NOTIF. It says nothing about delivery to the peer.',
      zh: '内核发出的消息，说它不再需要一次零拷贝发送的页，缓冲区可以重用了。MSG_ZEROCOPY 把它放在套接字的错误队列上（用 recvmsg(MSG_ERRQUEUE) 读取），内容是一个发送编号的区间；io_uring 的 SEND_ZC 则用带 IORING_CQE_F_NOTIF 标志的第二个完成队列项报告它。它对对端是否收到数据什么也不说。',
    },
    taughtIn: [S.msgZerocopy, S.ioUring],
  },
  {
    id: 'io-uring',
    en: 'io_uring',
    zh: 'io_uring',
    definition: {
      en: 'Linux’s asynchronous interface: a program queues requests in a ring shared with the kernel and reaps results from a completion ring. Its IORING_OP_SEND_ZC (Linux 6.0) sends from user memory without a copy and says in a second completion when the buffer may be reused.',
      zh: 'Linux 的异步接口：程序把请求放进一个与内核共享的环，再从完成队列的环里取回结果。它的 IORING_OP_SEND_ZC（Linux 6.0）从用户内存发送而不拷贝，并用第二个完成队列项说明缓冲区何时可以重用。',
    },
    taughtIn: [S.ioUring],
  },
  {
    id: 'ktls',
    en: 'kTLS',
    zh: 'kTLS',
    definition: {
      en: 'Kernel TLS: after the handshake in user space, the program hands the session keys to the socket and the kernel builds and encrypts the TLS records, so send() and sendfile() work on a TLS connection. In software the CPU still reads and writes every byte to encrypt it; a network card with TLS offload encrypts as it sends.',
      zh: '内核 TLS：握手在用户空间完成后，程序把会话密钥交给套接字，由内核构造并加密 TLS 记录，于是 send() 和 sendfile() 可以用在 TLS 连接上。用软件加密时，CPU 仍要读写每一个字节；具备 TLS 卸载的网卡在发送时加密。',
    },
    taughtIn: [S.ktls],
  },
  {
    id: 'direct-io',
    en: 'direct I/O',
    zh: '直接 I/O',
    definition: {
      en: 'Reading or writing a file opened with O_DIRECT, bypassing the page cache: the disk’s DMA goes straight to or from the program’s buffer, whose address, file offset and length must be aligned, usually to the device’s logical block size. Right for a huge file read once, which would otherwise evict pages other readers need.',
      zh: '读写用 O_DIRECT 打开的文件，绕过页缓存：磁盘的 DMA 直接进出程序的缓冲区，缓冲区地址、文件偏移和长度都必须对齐，通常是对齐到设备的逻辑块大小。适合只读一次的巨大文件，否则它会把其他读者需要的页挤出页缓存。',
    },
    taughtIn: [S.wrongTool],
  },
];

/** The chapter a section link points into. */
export function chapterOfSection(section: GlossarySection): Chapter {
  const slug = section.href.split('/')[2];
  const chapter = CHAPTERS.find((c) => c.slug === slug);
  if (!chapter) throw new Error(`Glossary link ${section.href} does not point into a chapter of src/data/course.ts`);
  return chapter;
}

/** The chapter whose section first teaches the entry. */
export function introducingChapter(entry: GlossaryEntry): Chapter {
  return chapterOfSection(entry.taughtIn[0]);
}

// A plain code-unit comparison of a folded key, so the server and every browser sort alike
// (locale collation differs between ICU builds and would break hydration).
function englishKey(entry: GlossaryEntry): string {
  return entry.en.toLowerCase().replace(/[^a-z0-9 ]/g, '');
}

/** English order: alphabetical by the English term, ignoring case and punctuation. */
export function glossaryAlphabetical(entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
  return [...entries].sort((a, b) => (englishKey(a) < englishKey(b) ? -1 : englishKey(a) > englishKey(b) ? 1 : 0));
}

/** Chinese order: grouped by the chapter that introduces each term, in course order, then in data order. */
export function glossaryByChapter(
  entries: readonly GlossaryEntry[] = GLOSSARY,
): {readonly chapter: Chapter; readonly entries: readonly GlossaryEntry[]}[] {
  return CHAPTERS.map((chapter) => ({chapter, entries: entries.filter((e) => introducingChapter(e).slug === chapter.slug)})).filter(
    (group) => group.entries.length > 0,
  );
}
