package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.DnsCheck;
import dev.vitals.health.checks.DnsCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.InetAddress;
import java.util.List;

/** One DNS query per run on a client of its own. */
public final class DnsCheckImpl implements DnsCheck {

  private final DnsClient client;
  private final String host;
  private final boolean ipv6;
  private final List<String> expected;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options the name, the expected addresses and the server (a copy the check keeps)
   */
  public DnsCheckImpl(Vertx vertx, DnsCheckOptions options) {
    DnsClientOptions client = new DnsClientOptions().setQueryTimeout(options.getTimeout());
    if (options.getServer() != null) {
      client.setHost(options.getServer()).setPort(options.getServerPort());
    }
    this.client = vertx.createDnsClient(client);
    this.host = options.getHost();
    this.ipv6 = options.isIpv6();
    this.expected = options.getExpected();
  }

  @Override
  public Future<ProcedureResult> run() {
    String type = ipv6 ? "AAAA" : "A";
    return (ipv6 ? client.resolveAAAA(host) : client.resolveA(host))
      .map(addresses -> {
        JsonObject data = new JsonObject().put("addresses", new JsonArray(List.copyOf(addresses)));
        if (addresses.isEmpty()) {
          return ProcedureResult.fail(host + " has no " + type + " record").withData(data);
        }
        String resolved = host + " resolves to " + String.join(", ", addresses);
        if (!expected.isEmpty() && addresses.stream().noneMatch(this::isExpected)) {
          return ProcedureResult.fail(resolved + ", expected one of " + String.join(", ", expected)).withData(data);
        }
        return ProcedureResult.pass(resolved).withData(data);
      })
      .otherwise(failure -> ProcedureResult.fail(type + " query for " + host + ": " + ProcedureResult.describe(failure)));
  }

  /** Addresses compare as addresses, so {@code ::1} is {@code 0:0:0:0:0:0:0:1}. */
  private boolean isExpected(String address) {
    for (String wanted : expected) {
      try {
        if (wanted.equals(address) || InetAddress.getByName(wanted).equals(InetAddress.getByName(address))) {
          return true;
        }
      } catch (Exception e) {
        // not an address literal: only equal strings match
      }
    }
    return false;
  }

  @Override
  public Future<Void> close() {
    return client.close().otherwiseEmpty();
  }
}
