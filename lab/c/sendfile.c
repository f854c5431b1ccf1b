/*
 * Chapter 4: sendfile() asks the kernel to move file bytes to the socket itself. The bytes never
 * reach this process; each call is one trip into the kernel. A call moves at most 0x7ffff000
 * bytes and may return short, so we loop, always asking for everything that is left.
 *
 * usage: sendfile FILE PORT warm|cold
 */
#include "common.h"
#include <sys/sendfile.h>

int main(int argc, char **argv) {
  lab_method = "sendfile";
  if (argc != 4) lab_usage("sendfile FILE PORT warm|cold");
  off_t size;
  double resident;
  int file = lab_open_source(argv[1], argv[3], &size, &resident);
  int sock = lab_connect_loopback(argv[2]);

  struct lab_run run;
  lab_begin(&run);
  off_t offset = 0;
  while (offset < size) {
    ssize_t n = sendfile(sock, file, &offset, (size_t)(size - offset));
    run.calls++;
    if (n < 0 && run.calls == 1 && lab_is_unsupported(errno)) lab_unsupported("sendfile", errno);
    if (n < 0) lab_die("sendfile");
    if (n == 0) break; /* the file shrank under us */
  }
  lab_end_calls();
  lab_wait_delivered(sock);
  lab_report(&run, (long long)offset, resident, "");
  return 0;
}
