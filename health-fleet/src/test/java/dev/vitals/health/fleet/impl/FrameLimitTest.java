package dev.vitals.health.fleet.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.fleet.EventBusFrameLimit;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.test.MutableClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event bus frame lengths read as bytes pass, on a Netty channel of the test's. */
class FrameLimitTest {

  private static final int MAX = 1_000;

  private static ByteBuf frame(int announced, int bodyBytes) {
    ByteBuf buf = Unpooled.buffer(4 + bodyBytes).writeInt(announced);
    return buf.writeZero(bodyBytes);
  }

  @Test
  void framesUpToTheBoundPassUnchangedHoweverTheyAreSplit() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameLimit(MAX, false));
    ByteBuf all = Unpooled.buffer().writeBytes(frame(MAX, MAX)).writeBytes(frame(1, 1)).writeBytes(frame(300, 300));
    int total = all.readableBytes();
    for (int at = 0; at < total; ) { // 1 to 7 bytes at a time: lengths split across reads
      int n = Math.min(1 + at % 7, total - at);
      ByteBuf piece = all.retainedSlice(at, n);
      channel.writeInbound(piece);
      ByteBuf passed = channel.readInbound();
      assertThat(passed).isSameAs(piece);
      passed.release();
      at += n;
    }
    all.release();
    assertThat(channel.isOpen()).isTrue();
    ByteBuf two = Unpooled.buffer().writeBytes(frame(10, 10)).writeBytes(frame(20, 20));
    channel.writeInbound(two);
    assertThat(channel.isOpen()).isTrue();
    channel.finishAndReleaseAll();
  }

  @Test
  void aFrameAnnouncingMoreThanTheBoundOrNothingClosesTheConnectionAtItsLength() {
    for (int announced : new int[]{MAX + 1, 2_000_000_000, 0, -1, Integer.MIN_VALUE}) {
      EmbeddedChannel channel = new EmbeddedChannel(new FrameLimit(MAX, false));
      channel.writeInbound(frame(5, 5));
      ByteBuf passed = channel.readInbound();
      passed.release();
      ByteBuf header = Unpooled.buffer().writeInt(announced);
      channel.writeInbound(header.retainedSlice(0, 3)); // not a whole length yet
      assertThat(channel.isOpen()).isTrue();
      ByteBuf last = Unpooled.buffer().writeBytes(header, 3, 1).writeZero(64);
      header.release();
      channel.writeInbound(last);
      assertThat(channel.isOpen()).as("announced %d", announced).isFalse();
      assertThat(last.refCnt()).isZero();
      channel.finishAndReleaseAll();
    }
  }

  /** The largest status an instance can send, signed, with characters JSON escapes at most, is far from the bound. */
  @Test
  void theLargestFleetMessageIsWellWithinTheDefaultBound() {
    String worst = "\u0001".repeat(NodeStatus.MAX_TEXT); // \u0001 in JSON, \\u0001 once signed as text
    String name = "\u0001".repeat(NodeStatus.MAX_NAME);
    Map<String, HealthStatus> probes = new LinkedHashMap<>();
    for (int i = 0; i < NodeStatus.MAX_PROBES; i++) {
      probes.put(i + name.substring(2), HealthStatus.FAIL);
    }
    List<NodeStatus.Failing> failing = new ArrayList<>();
    for (int i = 0; i < NodeStatus.MAX_FAILING; i++) {
      failing.add(new NodeStatus.Failing(name, HealthStatus.FAIL, worst));
    }
    NodeStatus status = new NodeStatus("n" + name.substring(1), name, name, HealthStatus.FAIL, false, probes, failing,
      true, worst, Instant.now());
    JsonObject signed = new FleetSignature("0123456789abcdef-fleet", new MutableClock())
      .sign("vitals.fleet.status", status.node(), status.toJson());

    int bytes = signed.encode().getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isGreaterThan(300_000).isLessThan(400_000).isLessThan(EventBusFrameLimit.DEFAULT_MAX_FRAME / 2);
  }
}
