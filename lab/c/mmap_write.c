/*
 * Chapter 6: map the file, then write() the mapping to the socket. The mapping IS the page
 * cache, so write() makes the only CPU copy (page cache -> socket buffer). We never touch the
 * bytes ourselves: the first touch of each page is the kernel's, inside write(), and the
 * page faults it takes show up in getrusage's minor (or, cold, major) faults.
 *
 * usage: mmap_write FILE PORT warm|cold
 */
#include "common.h"

int main(int argc, char **argv) {
  lab_method = "mmap-write";
  if (argc != 4) lab_usage("mmap_write FILE PORT warm|cold");
  off_t size;
  double resident;
  int file = lab_open_source(argv[1], argv[3], &size, &resident);
  int sock = lab_connect_loopback(argv[2]);

  struct lab_run run;
  lab_begin(&run);
  long long sent = 0;
  /* An empty file has nothing to map (mmap of length 0 is an error). */
  if (size > 0) {
    char *map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, file, 0);
    run.calls++;
    if (map == MAP_FAILED) lab_die("mmap");
    /* One write() for the whole mapping; the kernel caps one call at 0x7ffff000 bytes, so loop. */
    while (sent < size) {
      ssize_t n = write(sock, map + sent, (size_t)(size - sent));
      run.calls++;
      if (n < 0) lab_die("write");
      sent += n;
    }
    munmap(map, (size_t)size);
    run.calls++;
  }
  lab_end_calls();
  lab_wait_delivered(sock);
  lab_report(&run, sent, resident, "");
  return 0;
}
