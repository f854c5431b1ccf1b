// One assignment card per published chapter and one for the lab: what a teacher hands out.
// Times come from course.ts and points from src/data/grader-points.json (generated from the
// graders), so a card states in its own words only what the chapter page cannot compute:
// objectives, prerequisites, what a complete answer shows and the discussion questions.
// tests/site/assignments.test.ts holds every published chapter to having a card in both locales.
import {CHAPTERS, type Chapter} from './course';
import graderPointsFile from './grader-points.json';

export interface Localized {
  readonly en: string;
  readonly zh: string;
}

export interface DiscussionQuestion {
  readonly question: Localized;
  /** What a good discussion reaches, and where students usually go wrong. */
  readonly teacherNotes: Localized;
}

interface CardText {
  readonly objectives: readonly Localized[];
  readonly prerequisites: readonly Localized[];
  readonly completeAnswer: readonly Localized[];
  readonly discussion: readonly DiscussionQuestion[];
}

export interface ChapterAssignment extends CardText {
  readonly kind: 'chapter';
  /** The chapter's number in course.ts: "04". */
  readonly chapter: string;
}

export interface LabAssignment extends CardText {
  readonly kind: 'lab';
  readonly readingMinutes: number;
  /** Running the lab and reading its report; it has no grader, so no exercise in the graded sense. */
  readonly runMinutes: number;
  readonly commands: readonly string[];
}

export type Assignment = ChapterAssignment | LabAssignment;

export interface GraderPart {
  readonly name: string;
  readonly tests: number;
  readonly points: number;
}

export interface GraderChapterPoints {
  readonly number: string;
  readonly folder: string;
  readonly tests: number;
  readonly points: number;
  readonly parts: readonly GraderPart[];
}

export const GRADER_POINTS: readonly GraderChapterPoints[] = graderPointsFile;

/** The grader's parts and points for a chapter; a chapter without a generated entry is a bug. */
export function pointsForChapter(number: string): GraderChapterPoints {
  const points = GRADER_POINTS.find((c) => c.number === number);
  if (points === undefined) throw new Error(`No grader points for chapter ${number}: run \`npm run classroom\` to regenerate src/data/grader-points.json`);
  return points;
}

/** The commands a student runs for a chapter, by its exercise number. */
export function chapterCommands(chapter: Chapter): string[] {
  return [`npm run exercise -- ${chapter.number}`, `npm run hint -- ${chapter.number}`, `npm run grade -- ${chapter.number}`];
}

export function chapterOf(assignment: ChapterAssignment): Chapter {
  const chapter = CHAPTERS.find((c) => c.number === assignment.chapter);
  if (chapter === undefined) throw new Error(`assignment card: no chapter "${assignment.chapter}" in src/data/course.ts`);
  return chapter;
}

const L = (en: string, zh: string): Localized => ({en, zh});
const Q = (question: Localized, teacherNotes: Localized): DiscussionQuestion => ({question, teacherNotes});

export const CHAPTER_ASSIGNMENTS: readonly ChapterAssignment[] = [
  {
    kind: 'chapter',
    chapter: '01',
    objectives: [
      L('Explain how the 64-bit address space of a Linux process on x86-64 is split between the program and the kernel, and why most 64-bit numbers are not valid addresses.',
        '说明 x86-64 上 Linux 进程的 64 位地址空间如何在程序与内核之间划分，以及为什么大多数 64 位数都不是有效地址。'),
      L('Describe a system call as a trap into kernel mode and back, with the same task on the CPU throughout.',
        '把系统调用描述为陷入内核态再返回的过程，期间 CPU 上始终是同一个任务。'),
      L('Tell a mode switch from a context switch, and say when a system call leads to one.',
        '区分模式切换与上下文切换，并说明系统调用在什么情况下会引起上下文切换。'),
      L('Count and price every crossing of a small program, including calls the vDSO answers without entering the kernel.',
        '统计一个小程序的每一次跨越并估算其代价，包括 vDSO 无需进入内核就能回答的调用。'),
    ],
    prerequisites: [
      L('A little C: a function call, a pointer, a buffer.', '一点 C 语言：函数调用、指针、缓冲区。'),
      L('The idea of virtual memory: every process sees its own addresses, translated through page tables.', '虚拟内存的概念：每个进程看到自己的地址，由页表翻译到物理内存。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 01` passes every test of every part.', '`npm run grade -- 01` 的每个部分的每个测试都通过。'),
      L('The classifier tells user, kernel and non-canonical addresses apart at the exact boundaries of the two canonical halves.', '分类函数在两个规范半区的精确边界上正确区分用户地址、内核地址和非规范地址。'),
      L('The program summary counts two mode switches per system call and none for a vDSO call, and the cost prices them with the given hardware figures.', '程序摘要对每次系统调用计两次模式切换，vDSO 调用不计；代价按给定的硬件参数计算。'),
    ],
    discussion: [
      Q(L('A system call "switches to the kernel". Why is that not a context switch?', '系统调用“切换到内核”。为什么这不是上下文切换？'),
        L('The same task stays on the CPU; only the privilege level and stack change. A context switch happens only if the call blocks or the scheduler picks another task. Students often equate "entering the kernel" with "switching process".',
          '同一个任务始终在 CPU 上，只是特权级和栈变了。只有调用阻塞或调度器选中另一个任务时，才会发生上下文切换。学生常把“进入内核”等同于“切换进程”。')),
      Q(L('Why can clock_gettime() be answered without entering the kernel, but read() cannot?', '为什么 clock_gettime() 可以不进入内核就得到答案，而 read() 不行？'),
        L('The vDSO maps kernel-maintained time data read-only into the process, so reading the clock is a plain function call. read() must touch kernel objects (the file, the page cache) and copy into the user buffer, which needs kernel mode.',
          'vDSO 把内核维护的时间数据以只读方式映射进进程，读时钟只是一次普通的函数调用。read() 必须访问内核对象（文件、页缓存）并拷贝到用户缓冲区，这需要内核态。')),
      Q(L('If a mode switch is cheap, why do zero-copy methods still try to make fewer system calls?', '既然模式切换不贵，零拷贝方法为什么还要减少系统调用？'),
        L('Each call also costs its kernel work and cache and TLB effects, and a loop over a large file multiplies them by the number of chunks. Let students price a 1 GiB read()+write() loop with the chapter\'s figures to see the sum.',
          '每次调用还带来内核中的工作以及缓存和 TLB 的影响，对大文件循环时还要乘以块数。可以让学生用本章的数据估算 1 GiB 的 read()+write() 循环，看看总和。')),
    ],
  },
  {
    kind: 'chapter',
    chapter: '02',
    objectives: [
      L('Explain how programmed I/O keeps the CPU busy for a whole transfer, and what a DMA engine takes off it.', '说明程序控制 I/O 如何让 CPU 在整个传输期间都忙碌，以及 DMA 引擎替 CPU 承担了什么。'),
      L('Say what the CPU still does with DMA: program the engine and handle its completion interrupt.', '说明使用 DMA 时 CPU 仍要做什么：设置 DMA 引擎，处理完成中断。'),
      L('Explain why devices use bus addresses, and where the IOMMU and the kernel\'s DMA API come in.', '说明设备为什么使用总线地址，以及 IOMMU 和内核 DMA API 在其中的作用。'),
      L('Find the size above which DMA pays off, and explain why block DMA needs contiguous memory.', '求出 DMA 开始划算的大小，并说明块 DMA 为什么需要连续内存。'),
    ],
    prerequisites: [
      L('Memory as numbered bytes, and a rough idea of what a device driver is.', '把内存看作编号的字节，大致知道设备驱动是什么。'),
      L('Chapter 1 helps but is not required.', '第 1 章有帮助，但不是必需的。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 02` passes every test of every part.', '`npm run grade -- 02` 的每个部分的每个测试都通过。'),
      L('PIO and DMA costs in CPU cycles match the chapter\'s worked examples, and the break-even size is the smallest size at which DMA costs the CPU less.', 'PIO 和 DMA 的 CPU 周期数与本章示例一致，临界大小是 DMA 让 CPU 花费更少的最小大小。'),
      L('A block DMA plan has one transfer and one interrupt per contiguous block, and the CPU timeline shows the CPU free while the engine copies.', '块 DMA 方案对每个连续块只有一次传输和一次中断，CPU 时间线显示引擎拷贝时 CPU 是空闲的。'),
    ],
    discussion: [
      Q(L('"Zero-copy" still moves every byte by DMA. What, then, is zero?', '“零拷贝”仍然用 DMA 搬运每个字节。那么“零”指的是什么？'),
        L('The copies the CPU executes. DMA copies use the memory bus but not CPU instructions. Aim for the distinction between who moves the bytes and whether they move at all.',
          '指 CPU 执行的拷贝。DMA 拷贝占用内存总线，但不占用 CPU 指令。讨论的目标是区分“谁搬运字节”和“字节是否被搬运”。')),
      Q(L('Why would a driver use PIO for a few bytes even when the device supports DMA?', '设备支持 DMA 时，驱动为什么仍可能对几个字节使用 PIO？'),
        L('Setting up the engine and taking the interrupt cost a fixed number of cycles; below the break-even size, moving the words directly is cheaper. Use the component\'s break-even figure.',
          '设置引擎和处理中断有固定的周期开销；低于临界大小时，直接搬运字更便宜。可以用页面组件给出的临界值来说明。')),
      Q(L('A 64 KiB user buffer is spread over 16 scattered physical pages. What does a block-only DMA engine need, and how do today\'s devices avoid it?', '一个 64 KiB 的用户缓冲区分散在 16 个不连续的物理页上。只能做块传输的 DMA 引擎需要什么？今天的设备如何避免？'),
        L('A block engine needs one transfer (and one interrupt) per contiguous run, or a bounce buffer. Modern NICs and storage read descriptor rings and gather lists, so scattered pages cost descriptors, not copies; chapter 5 builds on this.',
          '块引擎需要对每段连续内存做一次传输（和一次中断），或者使用中转缓冲区。现代网卡和存储设备读取描述符环和聚集列表，不连续的页只多花描述符，不多花拷贝；第 5 章在此基础上展开。')),
    ],
  },
  {
    kind: 'chapter',
    chapter: '03',
    objectives: [
      L('Name the four copies a file makes on its way to a socket through a user buffer, and say which the CPU makes and which a DMA engine makes.', '说出文件经用户缓冲区发送到套接字时的四次拷贝，以及哪些由 CPU 完成、哪些由 DMA 引擎完成。'),
      L('Explain why each read()+write() pair costs four mode switches, and how the number of system calls grows with file size divided by buffer size.', '说明为什么每对 read()+write() 有四次模式切换，以及系统调用次数如何随文件大小除以缓冲区大小增长。'),
      L('Say what changes when the file is already in the page cache, and why write() returning does not mean the bytes have left the machine.', '说明文件已在页缓存中时有什么变化，以及为什么 write() 返回并不意味着字节已经离开机器。'),
    ],
    prerequisites: [
      L('Chapter 1: a system call is a mode switch.', '第 1 章：系统调用是一次模式切换。'),
      L('Chapter 2: a DMA engine copies between a device and memory without the CPU executing the copy.', '第 2 章：DMA 引擎在设备与内存之间拷贝，不需要 CPU 执行拷贝。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 03` passes every test of every part.', '`npm run grade -- 03` 的每个部分的每个测试都通过。'),
      L('The chunk count handles a last, partial chunk and an empty file; one pair lists its four copies and four mode switches in order.', '块数计算能处理最后一个不完整的块和空文件；一对调用按顺序列出四次拷贝和四次模式切换。'),
      L('The summary is computed by arithmetic, so 1 GiB in 4 KiB chunks is instant, and the trace lists a few chunks and counts the rest.', '摘要用算术算出，所以 1 GiB 按 4 KiB 分块也能瞬间得到结果；跟踪只列出前几块，其余只计数。'),
    ],
    discussion: [
      Q(L('Doubling the buffer size halves the system calls. Why not use a 1 GiB buffer?', '缓冲区加倍，系统调用减半。为什么不用 1 GiB 的缓冲区？'),
        L('The two CPU copies per byte remain whatever the buffer size; only the per-call overhead shrinks. A huge buffer costs memory and cache misses and delays the first byte. This motivates removing the copies rather than the calls.',
          '无论缓冲区多大，每个字节的两次 CPU 拷贝都还在，减少的只是每次调用的开销。巨大的缓冲区耗费内存、造成缓存未命中，还推迟第一个字节发出。这正说明要去掉的是拷贝，而不只是调用。')),
      Q(L('The file is already in the page cache. Which of the four copies disappear?', '文件已经在页缓存中。四次拷贝中哪些消失了？'),
        L('Only the disk-to-page-cache DMA copy. The two CPU copies and the DMA copy to the NIC remain, which is why a warm cache does not make read()+write() zero-copy.',
          '只有从磁盘到页缓存的 DMA 拷贝消失。两次 CPU 拷贝和到网卡的 DMA 拷贝仍在，所以缓存命中并不能让 read()+write() 变成零拷贝。')),
      Q(L('write() returned 4096. Has the peer received those bytes?', 'write() 返回了 4096。对端收到这些字节了吗？'),
        L('No: write() returns once the bytes are copied into the socket buffer. Sending, and the NIC\'s DMA, happen later. Students who know only files often assume write() means "done".',
          '没有：字节拷贝进套接字缓冲区后 write() 就返回了，发送和网卡的 DMA 在之后发生。只熟悉文件的学生常以为 write() 返回就意味着“完成了”。')),
    ],
  },
  {
    kind: 'chapter',
    chapter: '04',
    objectives: [
      L('Count the copies and mode switches of one sendfile() call: three copies, one by the CPU, and two mode switches, on a NIC without scatter-gather.', '统计一次 sendfile() 调用的拷贝和模式切换：在不支持分散/聚集的网卡上，三次拷贝（其中一次由 CPU 完成）和两次模式切换。'),
      L('Say what scatter-gather and checksum offload each remove, and what no NIC feature removes: the kernel\'s work per page sent.', '说明分散/聚集和校验和卸载各自去掉了什么，以及任何网卡特性都去不掉的：内核对每个发送页的处理。'),
      L('Write a correct sendfile() loop: the 0x7ffff000-byte cap per call, short returns, EAGAIN on non-blocking sockets, and falling back to read()+write() on EINVAL or ENOSYS.', '写出正确的 sendfile() 循环：每次调用 0x7ffff000 字节的上限、短返回、非阻塞套接字上的 EAGAIN，以及遇到 EINVAL 或 ENOSYS 时退回 read()+write()。'),
      L('Say how to send a header in front of the file, and what sendfile() cannot do.', '说明如何在文件前发送头部，以及 sendfile() 做不到什么。'),
    ],
    prerequisites: [
      L('Chapter 3: the four copies and four mode switches of a read()+write() loop.', '第 3 章：read()+write() 循环的四次拷贝和四次模式切换。'),
      L('Chapters 1 and 2: a system call is a mode switch; a DMA engine copies without the CPU.', '第 1、2 章：系统调用是模式切换；DMA 引擎拷贝不需要 CPU。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 04` passes every test of every part.', '`npm run grade -- 04` 的每个部分的每个测试都通过。'),
      L('One call\'s steps depend on the cache state and the NIC\'s features exactly as the chapter describes.', '一次调用的步骤按本章所述取决于缓存状态和网卡特性。'),
      L('The sending loop sends the whole file against a simulated kernel that returns short counts, EAGAIN, EINVAL and ENOSYS, and never loses or repeats a byte.', '发送循环面对会返回短计数、EAGAIN、EINVAL 和 ENOSYS 的模拟内核，仍能发送整个文件，既不丢失也不重复任何字节。'),
    ],
    discussion: [
      Q(L('sendfile() returned fewer bytes than asked. Is that an error?', 'sendfile() 返回的字节数少于请求的。这是错误吗？'),
        L('No. A short return is normal (the per-call cap, a full socket buffer, a signal). The caller advances the offset and calls again; only -1 with errno is an error. This is the most common bug in real sendfile() code.',
          '不是。短返回是正常的（每次调用的上限、套接字缓冲区已满、信号）。调用者推进偏移量后再次调用；只有返回 -1 并设置 errno 才是错误。这是实际 sendfile() 代码中最常见的缺陷。')),
      Q(L('Why must a web server still handle read()+write() when it uses sendfile()?', '使用 sendfile() 的 Web 服务器为什么仍然要处理 read()+write()？'),
        L('sendfile() fails with EINVAL or ENOSYS when the input cannot be mapped or the kernel or filesystem lacks support, and it cannot transform the data (TLS in user space, compression). The fallback keeps the server correct.',
          '当输入无法映射，或内核、文件系统不支持时，sendfile() 会以 EINVAL 或 ENOSYS 失败；它也不能变换数据（用户态 TLS、压缩）。退回路径保证服务器仍然正确。')),
      Q(L('With scatter-gather and checksum offload, sendfile() makes no CPU copy. Why does the sender still use CPU time per page?', '有了分散/聚集和校验和卸载，sendfile() 没有 CPU 拷贝。为什么发送方每页仍要消耗 CPU 时间？'),
        L('The kernel still looks up each page, builds socket-buffer fragments and runs TCP for every segment. Zero-copy removes the copies, not the kernel\'s work per page; the lab measures that remainder.',
          '内核仍要查找每一页、构建套接字缓冲区的分片，并为每个报文段运行 TCP。零拷贝去掉的是拷贝，而不是内核对每页的处理；实验会测出这部分剩余开销。')),
    ],
  },
  {
    kind: 'chapter',
    chapter: '05',
    objectives: [
      L('Explain how the kernel puts page references into the socket buffer instead of bytes, and how the NIC gathers the bytes from the page cache by DMA.', '说明内核如何把页引用而不是字节放入套接字缓冲区，以及网卡如何通过 DMA 从页缓存聚集这些字节。'),
      L('Say what the CPU still does when the NIC lacks scatter-gather or checksum offload, on current and on 2.6-era kernels, and check a NIC with `ethtool -k`.', '说明当网卡缺少分散/聚集或校验和卸载时，CPU 在当前内核和 2.6 时代内核上仍要做什么，并用 `ethtool -k` 检查网卡。'),
      L('Describe skb fragments (one per page, at most MAX_SKB_FRAGS per skb) and how the driver turns each into a transmit descriptor.', '描述 skb 分片（每页一个，每个 skb 最多 MAX_SKB_FRAGS 个），以及驱动如何把每个分片变成发送描述符。'),
      L('Explain how a NIC reports finished work through a descriptor ring, NAPI polling and interrupt coalescing.', '说明网卡如何通过描述符环、NAPI 轮询和中断合并报告已完成的工作。'),
    ],
    prerequisites: [
      L('Chapter 2: DMA, bus addresses, and why block DMA needs contiguous memory.', '第 2 章：DMA、总线地址，以及块 DMA 为什么需要连续内存。'),
      L('Chapters 3 and 4: the page cache, the socket buffer, and sendfile().', '第 3、4 章：页缓存、套接字缓冲区和 sendfile()。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 05` passes every test of every part.', '`npm run grade -- 05` 的每个部分的每个测试都通过。'),
      L('A byte range maps to the right pages, including ranges that start or end inside a page, and `ethtool -k` output gives the right verdict for each NIC.', '字节范围映射到正确的页，包括在页中间开始或结束的范围；`ethtool -k` 的输出对每种网卡给出正确结论。'),
      L('The fragment list has one fragment per page with the right offsets and lengths, and ring interrupts fall with coalescing as the chapter shows.', '分片列表每页一个分片，偏移和长度正确；描述符环的中断数按本章所示随中断合并减少。'),
    ],
    discussion: [
      Q(L('Your NIC shows `scatter-gather: on` but `tx-checksumming: off`. What does the CPU do for each sendfile()?', '你的网卡显示 `scatter-gather: on` 但 `tx-checksumming: off`。每次 sendfile() CPU 要做什么？'),
        L('On a current kernel the CPU must read every byte to compute the checksum (a CPU pass), even without copying it. Let students run `ethtool -k` on their own machines and compare.',
          '在当前内核上，CPU 必须读取每个字节来计算校验和（读取遍历），即使不拷贝。可以让学生在自己的机器上运行 `ethtool -k` 并比较结果。')),
      Q(L('Why does a 64 KiB send that starts in the middle of a page need 17 fragments, not 16?', '为什么从页中间开始的 64 KiB 发送需要 17 个分片，而不是 16 个？'),
        L('The range touches 17 pages: a partial first page, 15 whole pages and a partial last one. Fragments follow pages, not bytes; this is why the exercise starts with the pages of a range.',
          '这个范围涉及 17 页：开头不完整的一页、15 个整页和结尾不完整的一页。分片按页而不是按字节划分；这也是练习从“一个范围涉及哪些页”开始的原因。')),
      Q(L('Interrupt coalescing makes fewer interrupts. What does it cost?', '中断合并减少了中断次数。代价是什么？'),
        L('Latency: the NIC waits for more completions or a timer before interrupting, so a finished send is noticed later. Throughput servers accept it; latency-sensitive ones tune it down.',
          '延迟：网卡要等更多完成事件或定时器到期才中断，已完成的发送会更晚被发现。追求吞吐量的服务器可以接受；对延迟敏感的服务器会把它调小。')),
    ],
  },
  {
    kind: 'chapter',
    chapter: '06',
    objectives: [
      L('Count what mmap() followed by write() costs: three copies, one by the CPU, and four mode switches (two more for munmap()), plus page faults.', '统计 mmap() 后接 write() 的开销：三次拷贝（其中一次由 CPU 完成）、四次模式切换（munmap() 再加两次），以及缺页异常。'),
      L('Explain why a shared file mapping is the page cache, why mapping is lazy and page-granular, and what happens when the file is truncated under you.', '说明共享文件映射为什么就是页缓存，映射为什么是惰性的、以页为粒度，以及文件被截断时会发生什么。'),
      L('Explain how page faults, readahead and fault-around set the price of a mapping, and why mmap is not always faster than read().', '说明缺页异常、预读和 fault-around 如何决定映射的代价，以及 mmap 为什么并不总比 read() 快。'),
      L('Use ByteBuffer\'s position, limit and capacity with flip() and compact(), and say which path FileChannel.transferTo takes on Linux and why its callers need a loop.', '使用 ByteBuffer 的 position、limit、capacity 以及 flip() 和 compact()，说明 FileChannel.transferTo 在 Linux 上走哪条路径，以及调用者为什么需要循环。'),
    ],
    prerequisites: [
      L('Chapters 3 and 4: read()+write(), and sendfile() called in a loop.', '第 3、4 章：read()+write()，以及循环调用 sendfile()。'),
      L('Chapter 1: a system call is a mode switch, not a context switch.', '第 1 章：系统调用是模式切换，不是上下文切换。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 06` passes every test of every part, including the rules for bad input.', '`npm run grade -- 06` 的每个部分的每个测试都通过，包括非法输入的规则。'),
      L('Page faults follow the access pattern with readahead and fault-around, minor for cached pages and major otherwise.', '缺页异常随访问模式、预读和 fault-around 变化；已缓存的页是次缺页，否则是主缺页。'),
      L('flip() and compact() move position and limit exactly as Java does, and the transfer loop sends everything whatever each transferTo call returns.', 'flip() 和 compact() 对 position 和 limit 的改变与 Java 完全一致；无论每次 transferTo 返回多少，传输循环都能发送全部数据。'),
    ],
    discussion: [
      Q(L('mmap() avoids the copy into a user buffer. Why can it still be slower than read() for a file read once, front to back?', 'mmap() 省掉了拷贝到用户缓冲区这一步。为什么对一个从头到尾只读一次的文件，它仍可能比 read() 慢？'),
        L('Every page not yet mapped costs a page fault, unmapping costs TLB shootdowns, and there is no asynchronous read. read() with a reasonable buffer pays one copy but no faults. Use the chapter\'s page-fault component to compare.',
          '每个尚未映射的页都要一次缺页异常，解除映射要付出 TLB 击落的代价，而且没有异步读取。使用合适缓冲区的 read() 付出一次拷贝，但没有缺页。可以用本章的缺页组件来比较。')),
      Q(L('Another process truncates the file while you have it mapped. What happens when your code reads a lost page, and when write() does?', '你映射文件期间另一个进程截断了它。你的代码读取丢失的页时会怎样？write() 读取时又会怎样？'),
        L('Your own access raises SIGBUS; write() from the mapping returns a short count or fails with EFAULT. Servers that map files they do not control must handle SIGBUS, which is one reason many prefer sendfile().',
          '你的代码自己访问会收到 SIGBUS；write() 从映射读取时返回短计数或以 EFAULT 失败。映射不受自己控制的文件的服务器必须处理 SIGBUS，这也是很多服务器更喜欢 sendfile() 的原因之一。')),
      Q(L('Why does copying through a heap ByteBuffer cost two more CPU copies than a direct one?', '为什么通过堆 ByteBuffer 拷贝比直接缓冲区多两次 CPU 拷贝？'),
        L('The JVM cannot pass a heap array to a system call (the GC may move it), so it copies through a temporary direct buffer on each read and each write. transferTo avoids user space entirely when the kernel allows.',
          'JVM 不能把堆数组直接交给系统调用（GC 可能移动它），所以每次读和每次写都要经过一个临时直接缓冲区拷贝。内核允许时，transferTo 完全绕过用户空间。')),
    ],
  },
  {
    kind: 'chapter',
    chapter: '07',
    objectives: [
      L('Explain how splice() moves page references through a pipe, why one end must be a pipe, and how sendfile() is built on it.', '说明 splice() 如何经由管道移动页引用、为什么必须有一端是管道，以及 sendfile() 如何建立在它之上。'),
      L('Say what copy_file_range() does between two files, when the filesystem shares blocks instead, and why a program keeps a fallback since Linux 5.19.', '说明 copy_file_range() 在两个文件之间做什么、文件系统何时改为共享数据块，以及为什么从 Linux 5.19 起程序要保留退回路径。'),
      L('Use MSG_ZEROCOPY and io_uring SEND_ZC correctly: a buffer is the kernel\'s until its completion, completions are ranges that may merge and arrive out of order, and loopback always copies.', '正确使用 MSG_ZEROCOPY 和 io_uring SEND_ZC：在完成通知之前缓冲区属于内核，完成通知是可能合并、可能乱序到达的区间，回环接口总是拷贝。'),
      L('Say what kTLS saves and what it does not, and when direct I/O is the better road than the page cache.', '说明 kTLS 省下了什么、没省下什么，以及什么时候直接 I/O 比页缓存更合适。'),
    ],
    prerequisites: [
      L('Chapters 4 and 5: sendfile(), its loop, scatter-gather and checksum offload.', '第 4、5 章：sendfile()、它的循环、分散/聚集和校验和卸载。'),
      L('Chapter 6: memory mapping, for the section on user memory.', '第 6 章：内存映射，用于理解用户内存一节。'),
    ],
    completeAnswer: [
      L('`npm run grade -- 07` passes every test of every part.', '`npm run grade -- 07` 的每个部分的每个测试都通过。'),
      L('Pipe capacities, splice rounds and page references match the chapter, including short splices that share a page.', '管道容量、splice 轮数和页引用与本章一致，包括共享同一页的短 splice。'),
      L('Completion ranges are merged across the 32-bit wrap, out of order and with duplicates, and only completed buffers are reused; the direct I/O choice follows the chapter\'s rule.', '完成区间能跨越 32 位回绕、乱序且带重复地正确合并，只有已完成的缓冲区才被重用；直接 I/O 的选择遵循本章的规则。'),
    ],
    discussion: [
      Q(L('send(MSG_ZEROCOPY) returned. Why may the program still not reuse the buffer?', 'send(MSG_ZEROCOPY) 已经返回。为什么程序仍然不能重用缓冲区？'),
        L('The kernel pinned the pages and the NIC reads them later; only a completion on the error queue covering that send frees the buffer. A completion is not a delivery receipt either. vmsplice() with SPLICE_F_GIFT has the same hazard and no notification at all.',
          '内核钉住了这些页，网卡稍后才读取它们；只有错误队列上覆盖这次发送的完成通知才会释放缓冲区。完成通知也不是送达回执。带 SPLICE_F_GIFT 的 vmsplice() 有同样的风险，而且根本没有通知。')),
      Q(L('A team measures MSG_ZEROCOPY on loopback and sees no gain. What happened?', '一个团队在回环接口上测试 MSG_ZEROCOPY，没有看到任何收益。发生了什么？'),
        L('On loopback every completion is marked SO_EE_CODE_ZEROCOPY_COPIED: the kernel copies, so the pinning and notifications are pure overhead. Measure across a real NIC, with writes well over about 10 KB. The lab shows the copied flag.',
          '在回环接口上每个完成通知都带 SO_EE_CODE_ZEROCOPY_COPIED 标记：内核做了拷贝，所以钉住页和通知都是纯开销。应当跨真实网卡测量，而且每次写入要远大于约 10 KB。实验会显示 copied 标记。')),
      Q(L('A video server streams 50 GiB files once each from a machine with 16 GiB of RAM. sendfile() or direct I/O?', '一台 16 GiB 内存的视频服务器，把每个 50 GiB 的文件各播放一次。用 sendfile() 还是直接 I/O？'),
        L('Direct I/O with asynchronous reads (nginx: directio plus aio or aio threads): caching a file read once only evicts hotter pages. Ask what changes if the same files are popular and read many times.',
          '用直接 I/O 加异步读取（nginx：directio 加 aio 或 aio threads）：缓存只读一次的文件只会挤掉更热的页。再问学生：如果这些文件很热门、被读很多次，结论会怎样变化。')),
    ],
  },
];

export const LAB_ASSIGNMENT: LabAssignment = {
  kind: 'lab',
  readingMinutes: 15,
  runMinutes: 20,
  commands: ['npm run lab -- --quick', 'npm run lab', 'npm run lab -- --buffer 4096'],
  objectives: [
    L('Measure every method of the chapters on your own Linux machine with `npm run lab`, and say what each figure of its report means.', '用 `npm run lab` 在自己的 Linux 机器上测量各章的每种方法，并说明报告中每个数字的含义。'),
    L('Explain why the sender\'s CPU time is the figure zero-copy changes, and why wall time over loopback hardly moves.', '说明为什么零拷贝改变的是发送方的 CPU 时间，以及为什么回环上的墙钟时间几乎不变。'),
    L('Say where the model agrees with a real kernel exactly, where it only estimates, and where the two disagree.', '说明模型在哪里与真实内核完全一致，在哪里只是估计，在哪里两者不一致。'),
  ],
  prerequisites: [
    L('Chapters 3, 4 and 6: read()+write(), sendfile(), mmap() and transferTo.', '第 3、4、6 章：read()+write()、sendfile()、mmap() 和 transferTo。'),
    L('Linux, Node.js 20.19 or newer and a C compiler; strace, a JDK and ethtool add figures.', 'Linux、Node.js 20.19 或更新版本和 C 编译器；strace、JDK 和 ethtool 可以提供更多数据。'),
  ],
  completeAnswer: [
    L('A report (`reports/lab.json` and the printed table) with warm and cold runs of each method the machine supports.', '一份报告（`reports/lab.json` 和打印出的表格），包含机器支持的每种方法的热缓存和冷缓存运行。'),
    L('A short comparison of sendfile() against read()+write() in sender CPU time and wall time, with the reason the two differ.', '对 sendfile() 与 read()+write() 在发送方 CPU 时间和墙钟时间上的简短比较，并说明两者差异的原因。'),
    L('One place where the model\'s prediction and the measurement agree, and one where they do not, with an explanation.', '指出模型预测与测量一致的一处和不一致的一处，并给出解释。'),
  ],
  discussion: [
    Q(L('sendfile() saved a large share of the sender\'s CPU time but almost no wall time. Did zero-copy fail?', 'sendfile() 节省了发送方很大一部分 CPU 时间，却几乎没有节省墙钟时间。零拷贝失败了吗？'),
      L('No. Over loopback both ends share the CPUs and the receiver still copies every byte, so wall time mixes the saving with work zero-copy cannot remove. Across a real network the CPU saving lets one server feed more connections.',
        '没有。在回环上两端共用 CPU，接收方仍要拷贝每个字节，所以墙钟时间把节省与零拷贝无法去掉的工作混在一起。在真实网络上，节省的 CPU 让一台服务器能服务更多连接。')),
    Q(L('Your cold and warm runs are the same. Why might that be?', '你的冷缓存和热缓存运行结果相同。可能是什么原因？'),
      L('The test files may live on tmpfs (no disk, so cold equals warm; the report names the filesystem), or dropping the pages did not take effect (the report records with mincore how much left).',
        '测试文件可能在 tmpfs 上（没有磁盘，冷即是热；报告会写明文件系统），或者丢弃页面没有生效（报告用 mincore 记录了实际离开的比例）。')),
    Q(L('The model and the kernel disagree on a figure. Which is wrong?', '模型与内核在某个数字上不一致。哪个错了？'),
      L('The model, unless the lab measures something else (a virtual machine\'s inflated costs, large folios mapping more pages per fault). Ask students to find which, as the lab page does.',
        '是模型，除非实验测的是别的东西（虚拟机放大的开销、大 folio 使每次缺页映射更多页）。请学生像实验页面那样找出是哪种情况。')),
  ],
};

/** Every card in course order, the lab last. */
export const ASSIGNMENTS: readonly Assignment[] = [...CHAPTER_ASSIGNMENTS, LAB_ASSIGNMENT];

export function chapterAssignment(number: string): ChapterAssignment {
  const found = CHAPTER_ASSIGNMENTS.find((a) => a.chapter === number);
  if (found === undefined) throw new Error(`No assignment card for chapter "${number}" in src/data/assignments.ts`);
  return found;
}
