/*
 * The model's hardware parameters, measured on this machine. One mode per run, one JSON line:
 *
 *   params syscall COUNT      a cheap system call (getppid) in a loop: one round trip is two
 *                             mode switches (user -> kernel -> user) and almost no work
 *   params pingpong COUNT     two processes pinned to one CPU pass a byte back and forth through
 *                             two pipes: every hop is a real context switch, but also a write(),
 *                             a read() and a wake-up, so the figure is an upper bound
 *   params memcpy BYTES       copy a buffer with memcpy() a few times: the CPU copy bandwidth
 *   params fault FILE         map a cached file and touch one byte per page: file-backed minor
 *                             faults (fault-around maps several pages per fault)
 */
#include "common.h"
#include <sched.h>
#include <sys/wait.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void measure_syscall(long long count) {
  long long started = now_ns();
  for (long long i = 0; i < count; i++) syscall(SYS_getppid);
  long long elapsed = now_ns() - started;
  printf("{\"mode\":\"syscall\",\"count\":%lld,\"ns\":%lld,\"roundTripNs\":%.2f}\n", count, elapsed,
         (double)elapsed / (double)count);
}

/* Both processes on the CPU we are running on now, so each hop must switch tasks on it. */
static int pin_to_current_cpu(void) {
  int cpu = sched_getcpu();
  if (cpu < 0) return -1;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  return sched_setaffinity(0, sizeof set, &set) == 0 ? cpu : -1;
}

static void measure_pingpong(long long count) {
  int pinned = pin_to_current_cpu(); /* the child inherits the affinity */
  int ping[2], pong[2];
  if (pipe(ping) != 0 || pipe(pong) != 0) lab_die("pipe");
  pid_t child = fork();
  if (child < 0) lab_die("fork");
  char byte = 'x';
  if (child == 0) {
    for (long long i = 0; i < count; i++) {
      if (read(ping[0], &byte, 1) != 1 || write(pong[1], &byte, 1) != 1) _exit(1);
    }
    _exit(0);
  }
  long long started = now_ns();
  for (long long i = 0; i < count; i++) {
    if (write(ping[1], &byte, 1) != 1 || read(pong[0], &byte, 1) != 1) lab_die("pipe ping-pong");
  }
  long long elapsed = now_ns() - started;
  waitpid(child, NULL, 0);
  /* A round trip is two context switches (to the child and back). */
  printf("{\"mode\":\"pingpong\",\"count\":%lld,\"ns\":%lld,\"pinnedCpu\":%d,\"roundTripNs\":%.2f,\"switchNs\":%.2f}\n",
         count, elapsed, pinned, (double)elapsed / (double)count, (double)elapsed / (double)count / 2.0);
}

static void measure_memcpy(long long bytes) {
  char *from = malloc((size_t)bytes), *to = malloc((size_t)bytes);
  if (from == NULL || to == NULL) lab_die("malloc");
  /* Touch both buffers first, so page faults are not timed as copying. */
  memset(from, 1, (size_t)bytes);
  memset(to, 2, (size_t)bytes);
  long long best = -1;
  for (int round = 0; round < 5; round++) {
    long long started = now_ns();
    memcpy(to, from, (size_t)bytes);
    long long elapsed = now_ns() - started;
    if (best < 0 || elapsed < best) best = elapsed;
    from[round] = to[bytes - 1 - round]; /* keeps the copy from being optimised away */
  }
  printf("{\"mode\":\"memcpy\",\"bytes\":%lld,\"bestNs\":%lld,\"bytesPerSecond\":%.0f}\n", bytes, best,
         (double)bytes * 1e9 / (double)best);
  free(from);
  free(to);
}

static void measure_fault(const char *path) {
  off_t size;
  double resident;
  int fd = lab_open_source(path, "warm", &size, &resident);
  if (size == 0) lab_usage("params fault FILE: the file must not be empty");
  long page = sysconf(_SC_PAGESIZE);
  volatile char *map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) lab_die("mmap");
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  long long started = now_ns();
  char sum = 0;
  for (off_t at = 0; at < size; at += page) sum += map[at];
  long long elapsed = now_ns() - started;
  getrusage(RUSAGE_SELF, &after);
  long faults = after.ru_minflt - before.ru_minflt;
  long long pages = ((long long)size + page - 1) / page;
  printf("{\"mode\":\"fault\",\"bytes\":%lld,\"pages\":%lld,\"minorFaults\":%ld,\"majorFaults\":%ld,\"ns\":%lld,"
         "\"faultNs\":%.2f,\"pagesPerFault\":%.2f,\"residentBefore\":%.4f,\"checksum\":%d}\n",
         (long long)size, pages, faults, after.ru_majflt - before.ru_majflt, elapsed,
         faults > 0 ? (double)elapsed / (double)faults : 0.0, faults > 0 ? (double)pages / (double)faults : 0.0,
         resident, (int)sum);
}

int main(int argc, char **argv) {
  lab_method = "params";
  if (argc != 3) lab_usage("params syscall|pingpong COUNT | params memcpy BYTES | params fault FILE");
  if (strcmp(argv[1], "syscall") == 0) measure_syscall(lab_parse_size(argv[2], "COUNT"));
  else if (strcmp(argv[1], "pingpong") == 0) measure_pingpong(lab_parse_size(argv[2], "COUNT"));
  else if (strcmp(argv[1], "memcpy") == 0) measure_memcpy(lab_parse_size(argv[2], "BYTES"));
  else if (strcmp(argv[1], "fault") == 0) measure_fault(argv[2]);
  else lab_usage("params syscall|pingpong COUNT | params memcpy BYTES | params fault FILE");
  return 0;
}
