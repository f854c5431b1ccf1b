/*
 * Drops a file's pages from the page cache (posix_fadvise POSIX_FADV_DONTNEED, no root needed)
 * and prints how much of it is still cached. The Java programs use it for cold runs, since Java
 * has no posix_fadvise.
 *
 * usage: evict FILE
 */
#include "common.h"

int main(int argc, char **argv) {
  lab_method = "evict";
  if (argc != 2) lab_usage("evict FILE");
  off_t size;
  double resident;
  lab_open_source(argv[1], "cold", &size, &resident);
  printf("{\"bytes\":%lld,\"residentAfter\":%.4f}\n", (long long)size, resident);
  return 0;
}
