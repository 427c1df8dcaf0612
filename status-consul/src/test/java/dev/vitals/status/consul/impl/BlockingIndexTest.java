package dev.vitals.status.consul.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Consul's index rules for blocking queries. */
class BlockingIndexTest {

  @Test
  void theReceivedIndexIsSentBack() {
    assertThat(BlockingIndex.next(0, 42)).isEqualTo(42);
    assertThat(BlockingIndex.next(42, 42)).isEqualTo(42);
    assertThat(BlockingIndex.next(42, 43)).isEqualTo(43);
  }

  @Test
  void neverBelowOneAfterAnAnswer() {
    assertThat(BlockingIndex.next(0, 0)).isEqualTo(1);
    assertThat(BlockingIndex.next(1, 0)).isEqualTo(1);
    assertThat(BlockingIndex.next(0, -3)).isEqualTo(1);
  }

  @Test
  void goingBackwardsStartsOver() {
    assertThat(BlockingIndex.next(42, 41)).isZero();
    assertThat(BlockingIndex.next(42, 0)).isZero();
  }
}
