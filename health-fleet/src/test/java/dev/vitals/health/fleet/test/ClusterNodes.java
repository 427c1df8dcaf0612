package dev.vitals.health.fleet.test;

import dev.vitals.health.fleet.HazelcastOptions;
import dev.vitals.health.test.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Clustered Vert.x instances in this JVM, each with its own Hazelcast member on loopback (TCP/IP join, multicast and
 * phone-home off: {@link HazelcastOptions}), for tests of the fleet. Close it to leave the cluster.
 */
public final class ClusterNodes implements AutoCloseable {

  /** Hazelcast's INFO lines (members joining, partitions migrating) are not what a test reader looks for. */
  private static final java.util.logging.Logger HAZELCAST = java.util.logging.Logger.getLogger("com.hazelcast");

  static {
    HAZELCAST.setLevel(java.util.logging.Level.WARNING);
  }

  private final List<Vertx> nodes = new ArrayList<>();
  private final List<String> members;

  private ClusterNodes(List<String> members) {
    this.members = members;
  }

  /**
   * Starts {@code count} members on free loopback ports and waits until each sees all of them.
   *
   * @param count how many
   * @return the nodes
   */
  public static ClusterNodes start(int count) {
    List<Integer> ports = freePorts(count);
    List<String> members = new ArrayList<>();
    ports.forEach(port -> members.add("127.0.0.1:" + port));
    ClusterNodes cluster = new ClusterNodes(members);
    // One after the other: members that start together may form clusters of their own, merged only minutes later.
    for (int port : ports) {
      cluster.nodes.add(Await.result(clustered(options(port, members))));
    }
    cluster.awaitMembers(count);
    return cluster;
  }

  /** @return the Hazelcast options of a member on {@code port} joining {@code members} */
  public static HazelcastOptions options(int port, List<String> members) {
    return new HazelcastOptions().setHost("127.0.0.1").setPort(port).setMembers(members);
  }

  /** @return a clustered Vert.x over those options, its event bus on loopback */
  public static Future<Vertx> clustered(HazelcastOptions options) {
    VertxOptions vertxOptions = new VertxOptions().setEventBusOptions(options.applyTo(new EventBusOptions().setPort(0)));
    return Vertx.builder().with(vertxOptions).withClusterManager(options.clusterManager()).buildClustered();
  }

  /** @return a clustered Vert.x over those options on that transport (a wrapping one, for instance), its event bus on loopback */
  public static Future<Vertx> clustered(HazelcastOptions options, io.vertx.core.transport.Transport transport) {
    VertxOptions vertxOptions = new VertxOptions().setEventBusOptions(options.applyTo(new EventBusOptions().setPort(0)));
    return Vertx.builder().with(vertxOptions).withTransport(transport).withClusterManager(options.clusterManager())
      .buildClustered();
  }

  /** @return a clustered Vert.x over that cluster manager, its event bus on {@code host} */
  public static Future<Vertx> clustered(String host, io.vertx.core.spi.cluster.ClusterManager clusterManager) {
    VertxOptions vertxOptions = new VertxOptions()
      .setEventBusOptions(new EventBusOptions().setHost(host).setPort(0));
    return Vertx.builder().with(vertxOptions).withClusterManager(clusterManager).buildClustered();
  }

  /** @return {@code count} loopback ports free now */
  public static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      List<Integer> ports = new ArrayList<>();
      for (ServerSocket socket : sockets) {
        ports.add(socket.getLocalPort());
        socket.close();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How long a cluster may take to form, in ms: Hazelcast members on 2 busy cores take up to half a minute. */
  public static final long FORMING_MS = 120_000;

  /** Waits until every running node's cluster manager lists {@code count} members. */
  public void awaitMembers(int count) {
    Await.poll(() -> nodes.stream().allMatch(vertx -> ((VertxInternal) vertx).clusterManager().getNodes().size() == count),
      all -> all, all -> "every node sees " + count + " members", FORMING_MS);
  }

  /** @return the {@code host:port} of every member */
  public List<String> members() {
    return members;
  }

  /**
   * @param index which node
   * @return its Vert.x
   */
  public Vertx node(int index) {
    return nodes.get(index);
  }

  /**
   * Leaves the cluster with one node, as a clean stop does.
   *
   * @param index which node
   */
  public void stop(int index) {
    Await.result(nodes.get(index).close());
  }

  @Override
  public void close() {
    List<Future<Void>> closed = new ArrayList<>();
    nodes.forEach(vertx -> closed.add(vertx.close()));
    closed.forEach(future -> Await.result(future.otherwiseEmpty()));
  }
}
