/*
 * The receiving end: listens on 127.0.0.1 (an ephemeral port, printed on the first line of
 * output), and for each connection reads and discards everything until the sender closes its
 * side, then closes too (the sender waits for that, so its wall time covers delivery). It runs
 * in its own process so its CPU time is not counted as the sender's.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  /* Never outlive the lab: if the harness dies without stopping us, the kernel does. */
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0) { perror("sink: socket"); return 1; }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listener, 16) != 0 ||
      getsockname(listener, (struct sockaddr *)&addr, &len) != 0) {
    perror("sink: bind/listen on 127.0.0.1");
    return 1;
  }
  printf("%d\n", ntohs(addr.sin_port));
  fflush(stdout);
  static char buf[1 << 18];
  for (;;) {
    int conn = accept(listener, NULL, NULL);
    if (conn < 0) continue;
    while (read(conn, buf, sizeof buf) > 0) {
    }
    close(conn);
  }
}
