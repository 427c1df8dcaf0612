package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.TcpCheck;
import dev.vitals.health.checks.TcpCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/** A connection opened and closed at once, on a {@code NetClient} of its own. */
public final class TcpCheckImpl implements TcpCheck {

  private final NetClient client;
  private final String host;
  private final int port;
  private final Future<Void> warmedUp;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options where to connect (a copy the check keeps)
   * @param timeout the connect timeout, in ms
   */
  public TcpCheckImpl(Vertx vertx, TcpCheckOptions options, long timeout) {
    this.client = vertx.createNetClient(new NetClientOptions()
      .setConnectTimeout((int) Math.min(timeout, Integer.MAX_VALUE)));
    this.host = options.getHost();
    this.port = options.getPort();
    this.warmedUp = ClientWarmUp.of(vertx);
  }

  @Override
  public Future<ProcedureResult> run() {
    String address = host + ":" + port;
    return warmedUp.compose(warm -> client.connect(port, host))
      .compose(socket -> socket.close().otherwiseEmpty())
      .map(closed -> ProcedureResult.pass("connected to " + address))
      .otherwise(failure -> ProcedureResult.fail("connect to " + address + ": " + ProcedureResult.describe(failure)));
  }

  @Override
  public Future<Void> warmedUp() {
    return warmedUp;
  }

  @Override
  public Future<Void> close() {
    return client.close().otherwiseEmpty();
  }
}
