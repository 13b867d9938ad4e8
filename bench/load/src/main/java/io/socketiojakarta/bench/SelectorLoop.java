package io.socketiojakarta.bench;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One NIO selector thread for the load generator's connections: it runs the tasks handed to it,
 * then the ready keys, each attached to a {@link Conn}. A connection that throws is failed.
 */
final class SelectorLoop implements AutoCloseable {
  /** A channel's callbacks, on the loop's thread. */
  interface Conn {
    void connected() throws IOException;

    void read() throws IOException;

    void flush() throws IOException;

    void fail(Throwable reason);
  }

  final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;

  SelectorLoop(String name) throws IOException {
    this.selector = Selector.open();
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the caller is the loop's thread. */
  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the loop's thread: in place when called from it, else soon. */
  void run(Runnable task) {
    if (inLoop()) {
      task.run();
    } else {
      tasks.add(task);
      selector.wakeup();
    }
  }

  private void loop() {
    while (running) {
      try {
        selector.select();
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Conn conn = (Conn) key.attachment();
          try {
            if (key.isConnectable()) {
              conn.connected();
            } else {
              if (key.isReadable()) {
                conn.read();
              }
              if (key.isValid() && key.isWritable()) {
                conn.flush();
              }
            }
          } catch (IOException | RuntimeException e) {
            conn.fail(e);
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException e) {
        if (running) {
          e.printStackTrace();
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
