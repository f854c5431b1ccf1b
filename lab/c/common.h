/*
 * Shared helpers for the lab's sender programs. Each program moves one file to a TCP socket on
 * 127.0.0.1 (or to another file) with one method, and prints one JSON line with what it measured
 * about itself. Everything here is the same for every method, so the method files show only the
 * system calls that differ.
 *
 * The data path of every program is bracketed by two getppid() calls: a marker nothing else in
 * these programs makes, so a strace log can be cut to exactly the calls of the transfer (the
 * dynamic loader, printf and the cache preparation make read(), write() and mmap() calls of
 * their own, which the model does not count).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

/* Exit status 3 means "this kernel does not offer the interface": the harness reports it as such. */
#define LAB_EXIT_UNSUPPORTED 3

static const char *lab_method = "unknown";

static inline void lab_die(const char *what) {
  fprintf(stderr, "%s: %s failed: %s\n", lab_method, what, strerror(errno));
  exit(1);
}

/* True for the errors a kernel gives when it lacks a system call or an option, not a bug of ours. */
static inline int lab_is_unsupported(int err) {
  return err == ENOSYS || err == EOPNOTSUPP || err == ENOPROTOOPT || err == EINVAL || err == EXDEV;
}

static inline void lab_unsupported(const char *call, int err) {
  printf("{\"method\":\"%s\",\"unsupported\":\"%s: %s\"}\n", lab_method, call, strerror(err));
  exit(LAB_EXIT_UNSUPPORTED);
}

static inline void lab_usage(const char *usage) {
  fprintf(stderr, "usage: %s\n", usage);
  exit(2);
}

static inline long long lab_parse_size(const char *text, const char *name) {
  char *end = NULL;
  long long value = strtoll(text, &end, 10);
  if (end == text || *end != '\0' || value < 0) {
    fprintf(stderr, "%s: %s must be a number of bytes (0 or more); got \"%s\"\n", lab_method, name, text);
    exit(2);
  }
  return value;
}

/* The fraction of the file's pages in the page cache, from mincore(): shows whether "cold" really was. */
static inline double lab_resident_fraction(int fd, off_t size) {
  if (size == 0) return 1.0;
  void *map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) lab_die("mmap (residency check)");
  long page = sysconf(_SC_PAGESIZE);
  size_t pages = ((size_t)size + (size_t)page - 1) / (size_t)page;
  unsigned char *vec = malloc(pages);
  if (vec == NULL) lab_die("malloc");
  if (mincore(map, (size_t)size, vec) != 0) lab_die("mincore");
  size_t resident = 0;
  for (size_t i = 0; i < pages; i++) resident += vec[i] & 1;
  free(vec);
  munmap(map, (size_t)size);
  return (double)resident / (double)pages;
}

/*
 * Opens the file to send and prepares the page cache: "warm" reads it once so every page is
 * cached; "cold" asks the kernel to drop its cached pages (no root needed; dirty pages cannot be
 * dropped, so write them out first). Returns the descriptor; stores the size and residency.
 */
static inline int lab_open_source(const char *path, const char *cache, off_t *size, double *resident) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) lab_die("open (source file)");
  struct stat st;
  if (fstat(fd, &st) != 0) lab_die("fstat");
  *size = st.st_size;
  if (strcmp(cache, "warm") == 0) {
    static char buf[1 << 20];
    while (read(fd, buf, sizeof buf) > 0) {
    }
    if (lseek(fd, 0, SEEK_SET) != 0) lab_die("lseek");
  } else if (strcmp(cache, "cold") == 0) {
    fdatasync(fd);
    int err = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    if (err != 0) {
      errno = err;
      lab_die("posix_fadvise(POSIX_FADV_DONTNEED)");
    }
  } else {
    fprintf(stderr, "%s: cache must be \"warm\" or \"cold\"; got \"%s\"\n", lab_method, cache);
    exit(2);
  }
  *resident = lab_resident_fraction(fd, *size);
  return fd;
}

/* A TCP connection to the sink on 127.0.0.1: loopback only, never another host. */
static inline int lab_connect_loopback(const char *port_text) {
  long port = strtol(port_text, NULL, 10);
  if (port <= 0 || port > 65535) {
    fprintf(stderr, "%s: port must be 1-65535; got \"%s\"\n", lab_method, port_text);
    exit(2);
  }
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) lab_die("socket");
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(sock, (struct sockaddr *)&addr, sizeof addr) != 0) lab_die("connect (to the sink on 127.0.0.1)");
  return sock;
}

/*
 * Waits until the sink has read every byte: we close our side, and the sink closes its side
 * once it has read up to our end of stream. So the wall time covers delivery, not just queueing.
 */
static inline void lab_wait_delivered(int sock) {
  if (shutdown(sock, SHUT_WR) != 0) lab_die("shutdown");
  char byte;
  while (read(sock, &byte, 1) > 0) {
  }
}

/* Measurement state: wall clock and this process's resource usage when the transfer began. */
struct lab_run {
  struct timespec started;
  struct rusage usage;
  long long calls;   /* data-path system calls this program made, by its own count */
};

static inline void lab_marker(void) { syscall(SYS_getppid); }

static inline void lab_begin(struct lab_run *run) {
  run->calls = 0;
  if (getrusage(RUSAGE_SELF, &run->usage) != 0) lab_die("getrusage");
  clock_gettime(CLOCK_MONOTONIC, &run->started);
  lab_marker();
}

/* Ends the system-call window; the caller may still wait for delivery before lab_report(). */
static inline void lab_end_calls(void) { lab_marker(); }

static inline long long lab_us(struct timeval t) { return (long long)t.tv_sec * 1000000LL + t.tv_usec; }

/*
 * Prints the JSON line: sizes, wall time, and the getrusage differences over the transfer.
 * `extra` is either "" or more JSON members starting with a comma.
 */
static inline void lab_report(struct lab_run *run, long long bytes, double resident, const char *extra) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) lab_die("getrusage");
  long long wall_ns = (long long)(now.tv_sec - run->started.tv_sec) * 1000000000LL + (now.tv_nsec - run->started.tv_nsec);
  printf(
      "{\"method\":\"%s\",\"bytes\":%lld,\"wallNs\":%lld,\"userUs\":%lld,\"sysUs\":%lld,"
      "\"voluntarySwitches\":%ld,\"involuntarySwitches\":%ld,\"minorFaults\":%ld,\"majorFaults\":%ld,"
      "\"residentBefore\":%.4f,\"calls\":%lld%s}\n",
      lab_method, bytes, wall_ns, lab_us(usage.ru_utime) - lab_us(run->usage.ru_utime),
      lab_us(usage.ru_stime) - lab_us(run->usage.ru_stime), usage.ru_nvcsw - run->usage.ru_nvcsw,
      usage.ru_nivcsw - run->usage.ru_nivcsw, usage.ru_minflt - run->usage.ru_minflt,
      usage.ru_majflt - run->usage.ru_majflt, resident, run->calls, extra);
}
