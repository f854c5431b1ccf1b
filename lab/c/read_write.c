/*
 * Chapter 3, the traditional path: read() a buffer's worth of the file, write() it to the
 * socket, repeat. Each pair crosses into the kernel twice and copies every byte twice on the
 * CPU (page cache -> our buffer -> socket buffer).
 *
 * usage: read_write FILE PORT warm|cold BUFFER_BYTES
 */
#include "common.h"

int main(int argc, char **argv) {
  lab_method = "read-write";
  if (argc != 5) lab_usage("read_write FILE PORT warm|cold BUFFER_BYTES");
  long long buffer_size = lab_parse_size(argv[4], "BUFFER_BYTES");
  if (buffer_size < 1) lab_usage("BUFFER_BYTES must be at least 1");
  off_t size;
  double resident;
  int file = lab_open_source(argv[1], argv[3], &size, &resident);
  int sock = lab_connect_loopback(argv[2]);
  char *buffer = malloc((size_t)buffer_size);
  if (buffer == NULL) lab_die("malloc (buffer)");

  struct lab_run run;
  lab_begin(&run);
  /* We know the size from fstat(), so we stop after the last byte instead of reading an EOF. */
  long long left = size;
  while (left > 0) {
    size_t want = left < buffer_size ? (size_t)left : (size_t)buffer_size;
    ssize_t got = read(file, buffer, want);
    run.calls++;
    if (got < 0) lab_die("read");
    if (got == 0) break; /* the file shrank under us */
    /* A blocking TCP socket takes the whole buffer in one write(); loop anyway, as a careful program does. */
    for (ssize_t sent = 0; sent < got;) {
      ssize_t n = write(sock, buffer + sent, (size_t)(got - sent));
      run.calls++;
      if (n < 0) lab_die("write");
      sent += n;
    }
    left -= got;
  }
  lab_end_calls();
  lab_wait_delivered(sock);
  char extra[64];
  snprintf(extra, sizeof extra, ",\"bufferBytes\":%lld", buffer_size);
  lab_report(&run, (long long)size - left, resident, extra);
  return 0;
}
