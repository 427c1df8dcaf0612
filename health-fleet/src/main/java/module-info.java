/**
 * Fleet health: what every instance of a service reports, seen from any instance, over the engines that already
 * know the fleet: a clustered Vert.x event bus (any cluster manager; Hazelcast is tested) or Consul's health API
 * (status-consul implements {@link dev.vitals.health.fleet.FleetSource} for it). No membership or gossip of its
 * own. The API exposes health-core and Vert.x core types, so both are read by whoever reads this module.
 */
@SuppressWarnings("requires-automatic") // Hazelcast's jar is an automatic module
module dev.vitals.health.fleet {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires java.logging;
  // EventBusFrameLimit: a Netty handler first in each event bus connection, through health-core's ChannelTransport.
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  // HazelcastOptions only; optional for users on another cluster manager.
  requires static io.vertx.clustermanager.hazelcast;
  requires static com.hazelcast.core;

  exports dev.vitals.health.fleet;
}
