/*
 * Chapter 7: copy_file_range() copies between two files inside the kernel. The filesystem may
 * do better than copying: share the blocks (a reflink on XFS or Btrfs) or ask a server (NFS).
 * The destination here is a file in the lab's temp directory, not a socket.
 *
 * usage: copy_file_range FILE DESTINATION warm|cold
 */
#include "common.h"

int main(int argc, char **argv) {
  lab_method = "copy-file-range";
  if (argc != 4) lab_usage("copy_file_range FILE DESTINATION warm|cold");
  off_t size;
  double resident;
  int file = lab_open_source(argv[1], argv[3], &size, &resident);
  int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (out < 0) lab_die("open (destination file)");

  struct lab_run run;
  lab_begin(&run);
  long long copied = 0;
  while (copied < size) {
    /* The raw system call, so an old C library without a wrapper still builds. */
    ssize_t n = syscall(SYS_copy_file_range, file, NULL, out, NULL, (size_t)(size - copied), 0u);
    run.calls++;
    if (n < 0 && run.calls == 1 && lab_is_unsupported(errno)) lab_unsupported("copy_file_range", errno);
    if (n < 0) lab_die("copy_file_range");
    if (n == 0) break;
    copied += n;
  }
  lab_end_calls();
  /* The copy is in the destination's page cache; writing it to disk is not part of the method. */
  lab_report(&run, copied, resident, "");
  return 0;
}
