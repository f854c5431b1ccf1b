/*
 * Chapter 7: send() with MSG_ZEROCOPY. The kernel pins our pages instead of copying them, and
 * tells us on the socket's error queue when we may reuse them: each notification covers a range
 * of send() calls [ee_info, ee_data]. If the kernel had to copy after all it sets
 * SO_EE_CODE_ZEROCOPY_COPIED; on loopback it always does (the receiver would otherwise hold our
 * pages). We count both, so the course can show it.
 *
 * The bytes come from a mapping of the file, sent in BUFFER_BYTES pieces.
 *
 * usage: msg_zerocopy FILE PORT warm|cold BUFFER_BYTES
 */
#include "common.h"
#include <linux/errqueue.h>
#include <poll.h>

/* Older C libraries lack these names; the values are the kernel's (since 4.14). */
#ifndef SO_ZEROCOPY
#define SO_ZEROCOPY 60
#endif
#ifndef MSG_ZEROCOPY
#define MSG_ZEROCOPY 0x4000000
#endif
#ifndef SO_EE_ORIGIN_ZEROCOPY
#define SO_EE_ORIGIN_ZEROCOPY 5
#endif
#ifndef SO_EE_CODE_ZEROCOPY_COPIED
#define SO_EE_CODE_ZEROCOPY_COPIED 1
#endif

struct completions {
  long long sends;          /* send() calls that took MSG_ZEROCOPY: each gets one id */
  long long completed;      /* ids covered by notifications so far */
  long long copied;         /* ... of which the kernel reports it copied after all */
  long long notifications;  /* error-queue messages read */
};

/* Reads every notification waiting on the error queue; returns how many it read. */
static int drain_error_queue(int sock, struct completions *c, struct lab_run *run) {
  int read_now = 0;
  for (;;) {
    char control[128];
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    int n = recvmsg(sock, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
    run->calls++;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return read_now;
    if (n < 0) lab_die("recvmsg (MSG_ERRQUEUE)");
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm != NULL; cm = CMSG_NXTHDR(&msg, cm)) {
      if (!((cm->cmsg_level == SOL_IP && cm->cmsg_type == IP_RECVERR) ||
            (cm->cmsg_level == SOL_IPV6 && cm->cmsg_type == IPV6_RECVERR)))
        continue;
      struct sock_extended_err *err = (struct sock_extended_err *)CMSG_DATA(cm);
      if (err->ee_errno != 0 || err->ee_origin != SO_EE_ORIGIN_ZEROCOPY) continue;
      long long range = (long long)err->ee_data - (long long)err->ee_info + 1;
      c->completed += range;
      if (err->ee_code & SO_EE_CODE_ZEROCOPY_COPIED) c->copied += range;
      c->notifications++;
      read_now++;
    }
  }
}

/* Blocks until the error queue has something (POLLERR), then drains it. */
static void wait_for_notifications(int sock, struct completions *c, struct lab_run *run) {
  struct pollfd p = {.fd = sock, .events = 0};
  if (poll(&p, 1, 2000) < 0) lab_die("poll");
  run->calls++;
  drain_error_queue(sock, c, run);
}

int main(int argc, char **argv) {
  lab_method = "msg-zerocopy";
  if (argc != 5) lab_usage("msg_zerocopy FILE PORT warm|cold BUFFER_BYTES");
  long long piece = lab_parse_size(argv[4], "BUFFER_BYTES");
  if (piece < 1) lab_usage("BUFFER_BYTES must be at least 1");
  off_t size;
  double resident;
  int file = lab_open_source(argv[1], argv[3], &size, &resident);
  int sock = lab_connect_loopback(argv[2]);
  int one = 1;
  if (setsockopt(sock, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one) != 0) {
    if (lab_is_unsupported(errno)) lab_unsupported("setsockopt(SO_ZEROCOPY)", errno);
    lab_die("setsockopt(SO_ZEROCOPY)");
  }
  char *map = NULL;
  if (size > 0) {
    map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, file, 0);
    if (map == MAP_FAILED) lab_die("mmap");
  }

  struct completions c = {0, 0, 0, 0};
  struct lab_run run;
  lab_begin(&run);
  long long sent = 0;
  while (sent < size) {
    size_t want = size - sent < piece ? (size_t)(size - sent) : (size_t)piece;
    ssize_t n = send(sock, map + sent, want, MSG_ZEROCOPY);
    run.calls++;
    if (n < 0 && errno == ENOBUFS) {
      /* Too many pages pinned (optmem or locked-memory limit): wait for completions, retry. */
      wait_for_notifications(sock, &c, &run);
      continue;
    }
    if (n < 0) lab_die("send(MSG_ZEROCOPY)");
    c.sends++;
    sent += n;
    drain_error_queue(sock, &c, &run);
  }
  /* We must not unmap (or reuse) the pages before every send is complete. */
  for (int waits = 0; c.completed < c.sends && waits < 50; waits++) wait_for_notifications(sock, &c, &run);
  lab_end_calls();
  lab_wait_delivered(sock);
  if (map != NULL) munmap(map, (size_t)size);
  char extra[192];
  snprintf(extra, sizeof extra,
           ",\"bufferBytes\":%lld,\"zerocopy\":{\"sends\":%lld,\"completed\":%lld,\"copied\":%lld,\"notifications\":%lld}",
           piece, c.sends, c.completed, c.copied, c.notifications);
  lab_report(&run, sent, resident, extra);
  return 0;
}
