package dev.vitals.benchmarks;

import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.HazelcastOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The receiving side of {@code fleet.sh}'s message count, with no change to the product: a clustered Vert.x that
 * joins the fleet's Hazelcast cluster as one more member on loopback and consumes the fleet's status address
 * ({@code vitals.fleet.status}, {@link FleetOptions#DEFAULT_ADDRESS}). It publishes nothing, so the instances never
 * list it in their fleet view; being a consumer of the address, it hears every status every instance publishes, as
 * each instance does. Prints {@code listening} once its consumer is registered, then one tab-separated
 * line per status heard: {@code <epoch ms> <instance> <ready> <outcome> <bytes of its JSON>}.
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.FleetListener PORT HOST:PORT...
 * </pre>
 * PORT is this member's Hazelcast port on 127.0.0.1; the HOST:PORTs are the cluster's members (this one included).
 */
public final class FleetListener {

  /** Hazelcast's INFO lines (joins, partition migrations) are not what the log is read for. */
  private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

  private FleetListener() {
  }

  /**
   * @param args this member's Hazelcast port, then every member's {@code host:port}
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: FleetListener PORT HOST:PORT...");
      System.exit(2);
    }
    HAZELCAST.setLevel(Level.WARNING);
    List<String> members = Arrays.asList(args).subList(1, args.length);
    HazelcastOptions hazelcast = new HazelcastOptions().setHost("127.0.0.1").setPort(Integer.parseInt(args[0]))
      .setMembers(members);
    VertxOptions options = new VertxOptions()
      .setEventBusOptions(new EventBusOptions().setHost(hazelcast.getHost()).setPort(0));
    Vertx.builder().with(options).withClusterManager(hazelcast.clusterManager()).buildClustered()
      .compose(vertx -> vertx.eventBus().<Object>consumer(FleetOptions.DEFAULT_ADDRESS + ".status", message -> {
        long at = System.currentTimeMillis();
        if (message.body() instanceof JsonObject status) {
          print(at + "\t" + status.getString("instance") + "\t" + status.getBoolean("ready") + "\t"
            + status.getString("outcome") + "\t" + status.toBuffer().length());
        } else {
          print(at + "\tnot-json\t-\t-\t-");
        }
      }).completion().map(registered -> vertx))
      .onSuccess(vertx -> print("listening"))
      .onFailure(cause -> {
        cause.printStackTrace();
        System.exit(1);
      });
  }

  private static synchronized void print(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
