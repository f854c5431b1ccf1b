/*
 * Chapter 7: splice() moves page references, not bytes, between a descriptor and a pipe. Two
 * calls per round: file -> pipe, then pipe -> socket. One end of every splice() must be a pipe,
 * so the pipe is the kernel-side buffer; it holds 16 pages (64 KiB) by default.
 *
 * usage: splice FILE PORT warm|cold
 */
#include "common.h"

#define CHUNK (64 * 1024)

int main(int argc, char **argv) {
  lab_method = "splice";
  if (argc != 4) lab_usage("splice FILE PORT warm|cold");
  off_t size;
  double resident;
  int file = lab_open_source(argv[1], argv[3], &size, &resident);
  int sock = lab_connect_loopback(argv[2]);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) lab_die("pipe");

  struct lab_run run;
  lab_begin(&run);
  loff_t offset = 0;
  while (offset < size) {
    size_t want = size - offset < CHUNK ? (size_t)(size - offset) : CHUNK;
    ssize_t in_pipe = splice(file, &offset, pipe_fds[1], NULL, want, SPLICE_F_MOVE | SPLICE_F_MORE);
    run.calls++;
    if (in_pipe < 0 && run.calls == 1 && lab_is_unsupported(errno)) lab_unsupported("splice", errno);
    if (in_pipe < 0) lab_die("splice (file to pipe)");
    if (in_pipe == 0) break;
    /* Drain the pipe into the socket; a socket may take less than the pipe holds. */
    while (in_pipe > 0) {
      ssize_t out = splice(pipe_fds[0], NULL, sock, NULL, (size_t)in_pipe, SPLICE_F_MOVE | SPLICE_F_MORE);
      run.calls++;
      if (out < 0) lab_die("splice (pipe to socket)");
      in_pipe -= out;
    }
  }
  lab_end_calls();
  lab_wait_delivered(sock);
  lab_report(&run, (long long)offset, resident, "");
  return 0;
}
