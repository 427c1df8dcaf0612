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
  private final List<InetAddress> expectedAddresses;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options the name, the expected addresses and the server (a copy the check keeps)
   * @param timeout the query timeout, in ms
   */
  public DnsCheckImpl(Vertx vertx, DnsCheckOptions options, long timeout) {
    DnsClientOptions client = new DnsClientOptions().setQueryTimeout(timeout);
    if (options.getServer() != null) {
      client.setHost(options.getServer()).setPort(options.getServerPort());
    }
    this.client = vertx.createDnsClient(client);
    this.host = options.getHost();
    this.ipv6 = options.isIpv6();
    this.expected = options.getExpected();
    this.expectedAddresses = literals(expected);
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

  /**
   * Addresses compare as addresses, so {@code ::1} is {@code 0:0:0:0:0:0:0:1}; an expected entry that is no address
   * literal matches only as the same string (no lookup: this runs on the event loop).
   */
  private boolean isExpected(String address) {
    if (expected.contains(address)) {
      return true;
    }
    try {
      return expectedAddresses.contains(InetAddress.getByName(address)); // a literal from the answer: no lookup
    } catch (Exception e) {
      return false;
    }
  }

  /** The expected entries that are address literals, parsed once; names are left out, never looked up. */
  private static List<InetAddress> literals(List<String> expected) {
    List<InetAddress> literals = new java.util.ArrayList<>();
    for (String wanted : expected) {
      if (wanted.contains(":") || wanted.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
        try {
          literals.add(InetAddress.getByName(wanted));
        } catch (Exception e) {
          // not a valid literal: it matches as a string only
        }
      }
    }
    return literals;
  }

  @Override
  public Future<Void> close() {
    return client.close().otherwiseEmpty();
  }
}
