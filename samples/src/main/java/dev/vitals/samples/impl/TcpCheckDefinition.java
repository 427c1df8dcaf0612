package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;


/**
 * {@code "type": "tcp"}: connects to {@code host:port} and closes the connection at once; passes when the
 * connection is accepted within the check's timeout, fails with the connection error otherwise.
 */
final class TcpCheckDefinition implements CheckDefinition {


  private final CheckOptions options;
  private final String host;
  private final int port;

  private TcpCheckDefinition(CheckOptions options, String host, int port) {
    this.options = options;
    this.host = host;
    this.port = port;
  }

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static TcpCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    return new TcpCheckDefinition(options, entry.requiredString("host"), entry.requiredInt("port", 1, 65535));
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return "tcp";
  }

  @Override
  public Registration register(Vertx vertx, CheckRegistry registry, PassiveChecks passive) {
    NetClient client = vertx.createNetClient(new NetClientOptions()
      .setConnectTimeout((int) Math.min(options.getTimeout(), Integer.MAX_VALUE)));
    registry.register(options, () -> run(client));
    return client::close;
  }

  private Future<ProcedureResult> run(NetClient client) {
    String address = host + ":" + port;
    return client.connect(port, host)
      .compose(socket -> socket.close().otherwiseEmpty())
      .map(closed -> ProcedureResult.pass("connected to " + address))
      .otherwise(failure -> ProcedureResult.fail("connect to " + address + ": " + ProcedureResult.describe(failure)));
  }
}
