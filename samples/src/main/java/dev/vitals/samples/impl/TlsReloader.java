package dev.vitals.samples.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * TLS on the endpoints from PEM files ({@code http.certPath}, {@code http.keyPath}, {@code http.clientCaPath}),
 * read again every scan period: when their content changes (cert-manager rotating a secret), the server takes the
 * new certificate with {@link HttpServer#updateSSLOptions(ServerSSLOptions, boolean)}; connections open keep
 * theirs. Content the server refuses (a key that does not match yet, caught half-written) is logged in one line;
 * the next change is tried again.
 */
public final class TlsReloader {

  private static final Logger LOG = Logger.getLogger(TlsReloader.class.getName());

  private final Vertx vertx;
  private final StandaloneConfig.Tls tls;
  /** The files' content last given to the server, whether it took it or not: each content is tried once. */
  private List<Buffer> tried;
  private long timer = -1;
  /** The last failure logged, so that a file missing for a while is one line, not one per scan. */
  private String lastProblem;
  private boolean reloading;

  /**
   * @param vertx for reading files and the timer
   * @param tls   the files
   */
  public TlsReloader(Vertx vertx, StandaloneConfig.Tls tls) {
    this.vertx = vertx;
    this.tls = tls;
  }

  private Future<List<Buffer>> read() {
    List<Future<Buffer>> reads = new ArrayList<>();
    reads.add(vertx.fileSystem().readFile(tls.certPath()));
    reads.add(vertx.fileSystem().readFile(tls.keyPath()));
    if (tls.clientCaPath() != null) {
      reads.add(vertx.fileSystem().readFile(tls.clientCaPath()));
    }
    return Future.all(reads).map(all -> all.list());
  }

  private ServerSSLOptions sslOptions(List<Buffer> files) {
    ServerSSLOptions options = new ServerSSLOptions()
      .setKeyCertOptions(new PemKeyCertOptions().setCertValue(files.get(0)).setKeyValue(files.get(1)));
    if (files.size() > 2) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(files.get(2))).setClientAuth(ClientAuth.REQUIRED);
    }
    return options;
  }

  /**
   * Reads the files and sets TLS on the server's options.
   *
   * @param options the options of the server to create
   * @return a future failed with {@link IllegalArgumentException} {@code "/http/certPath: cannot read ..."} when a
   * file cannot be read
   */
  public Future<Void> configure(HttpServerOptions options) {
    return read().recover(failure -> Future.failedFuture(new IllegalArgumentException(
        "/http/certPath: cannot read the TLS files " + tls.certPath() + ", " + tls.keyPath()
          + (tls.clientCaPath() == null ? "" : ", " + tls.clientCaPath()) + ": " + failure.getMessage(), failure)))
      .map(files -> {
        tried = files;
        ServerSSLOptions ssl = sslOptions(files);
        options.setSsl(true).setKeyCertOptions(ssl.getKeyCertOptions());
        if (ssl.getTrustOptions() != null) {
          options.setTrustOptions(ssl.getTrustOptions()).setClientAuth(ClientAuth.REQUIRED);
        }
        return null;
      });
  }

  /**
   * Reads the files every {@code period} ms and updates the server when they changed.
   *
   * @param server the listening server
   * @param period how often, in ms
   */
  public void watch(HttpServer server, long period) {
    timer = vertx.setPeriodic(period, id -> {
      if (reloading) {
        return;
      }
      reloading = true;
      read().compose(files -> {
          if (files.equals(tried)) {
            return Future.succeededFuture(false);
          }
          tried = files;
          return server.updateSSLOptions(sslOptions(files), true);
        })
        .onComplete(done -> {
          reloading = false;
          if (done.failed()) {
            String problem = "TLS files not reloaded, the server keeps its certificate: " + done.cause().getMessage();
            if (!problem.equals(lastProblem)) {
              LOG.warning(problem);
            }
            lastProblem = problem;
          } else if (done.result()) {
            lastProblem = null;
            LOG.info(() -> "TLS certificate reloaded from " + tls.certPath());
          }
        });
    });
  }

  /** Stops watching. */
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
