// The IBM experiment (developer.ibm.com/articles/j-zerocopy/) on this machine: send a file to a
// TCP socket on 127.0.0.1 with FileChannel.transferTo (sendfile on Linux), or through a heap
// ByteBuffer in a read/write loop (which the JDK copies through a temporary direct buffer).
//
// usage: java Lab transfer-to FILE PORT warm|cold
//        java Lab heap-loop   FILE PORT warm|cold BUFFER_BYTES
//
// Java cannot call getrusage(), so the figures come from /proc/thread-self: the thread that does
// the transfer, leaving out the JIT compiler and the garbage collector. CPU times there are in
// clock ticks (USER_HZ, 100 per second on Linux), so they are coarse: 10 ms steps.
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public final class Lab {
  private static final long USER_HZ = 100;

  /** utime, stime, minflt, majflt and context switches of the current thread. */
  private record Usage(long userUs, long sysUs, long minor, long major, long voluntary, long involuntary) {
    static Usage now() throws IOException {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the name: state(0) ppid(1) ... minflt(7) cminflt(8) majflt(9) cmajflt(10) utime(11) stime(12)
      long tickUs = 1_000_000 / USER_HZ;
      long voluntary = 0;
      long involuntary = 0;
      List<String> status = Files.readAllLines(Path.of("/proc/thread-self/status"));
      for (String line : status) {
        if (line.startsWith("voluntary_ctxt_switches:")) voluntary = Long.parseLong(line.split("\\s+")[1]);
        if (line.startsWith("nonvoluntary_ctxt_switches:")) involuntary = Long.parseLong(line.split("\\s+")[1]);
      }
      return new Usage(Long.parseLong(f[11]) * tickUs, Long.parseLong(f[12]) * tickUs, Long.parseLong(f[7]),
          Long.parseLong(f[9]), voluntary, involuntary);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4 || (args[0].equals("heap-loop") && args.length != 5)) {
      System.err.println("usage: java Lab transfer-to FILE PORT warm|cold | java Lab heap-loop FILE PORT warm|cold BUFFER_BYTES");
      System.exit(2);
    }
    String mode = args[0];
    Path file = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);
    prepareCache(file, args[3]);
    try (FileChannel in = new RandomAccessFile(file.toFile(), "r").getChannel();
        SocketChannel out = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
      long size = in.size();
      Usage before = Usage.now();
      long started = System.nanoTime();
      long sent;
      long calls = 0;
      String extra = "";
      if (mode.equals("transfer-to")) {
        sent = 0;
        while (sent < size) {
          sent += in.transferTo(sent, size - sent, out);
          calls++;
        }
      } else if (mode.equals("heap-loop")) {
        int bufferBytes = Integer.parseInt(args[4]);
        ByteBuffer buffer = ByteBuffer.allocate(bufferBytes); // a heap buffer, as most programs use
        sent = 0;
        while (in.read(buffer) > 0) {
          calls++;
          buffer.flip();
          while (buffer.hasRemaining()) {
            sent += out.write(buffer);
            calls++;
          }
          buffer.clear();
        }
        extra = ",\"bufferBytes\":" + bufferBytes;
      } else {
        throw new IllegalArgumentException("mode must be transfer-to or heap-loop; got " + mode);
      }
      // Close our side and wait for the sink to close its side: the time covers delivery.
      out.shutdownOutput();
      while (out.read(ByteBuffer.allocate(1)) >= 0) {
      }
      long wallNs = System.nanoTime() - started;
      Usage after = Usage.now();
      String method = mode.equals("transfer-to") ? "java-transfer-to" : "java-heap-loop";
      System.out.printf(
          "{\"method\":\"%s\",\"bytes\":%d,\"wallNs\":%d,\"userUs\":%d,\"sysUs\":%d,\"voluntarySwitches\":%d,"
              + "\"involuntarySwitches\":%d,\"minorFaults\":%d,\"majorFaults\":%d,\"residentBefore\":null,\"calls\":%d%s}%n",
          method, sent, wallNs, after.userUs - before.userUs, after.sysUs - before.sysUs,
          after.voluntary - before.voluntary, after.involuntary - before.involuntary, after.minor - before.minor,
          after.major - before.major, calls, extra);
    }
  }

  /**
   * Java has no posix_fadvise: for a cold run the harness evicts the file with the C helper
   * before starting the JVM ("cold" is accepted here and does nothing); a warm run reads it once.
   */
  private static void prepareCache(Path file, String cache) throws IOException {
    if (cache.equals("warm")) {
      try (FileChannel in = FileChannel.open(file)) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        while (in.read(buffer) > 0) buffer.clear();
      }
    } else if (!cache.equals("cold")) {
      throw new IllegalArgumentException("cache must be warm or cold; got " + cache);
    }
  }
}
