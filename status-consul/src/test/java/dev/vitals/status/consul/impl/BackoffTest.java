package dev.vitals.status.consul.impl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry delays double up to the cap, are jittered within [step/2, step], and start over after a success. */
class BackoffTest {

  @Test
  void doublesUpToTheCap() {
    Backoff top = new Backoff(1_000, 5_000, () -> 0.999_999);
    assertThat(top.next()).isEqualTo(999);
    assertThat(top.next()).isEqualTo(1_999);
    assertThat(top.next()).isEqualTo(3_999);
    assertThat(top.next()).isEqualTo(4_999);
    assertThat(top.next()).isEqualTo(4_999);
  }

  @Test
  void jitterTakesAtMostHalf() {
    Backoff bottom = new Backoff(1_000, 60_000, () -> 0.0);
    assertThat(bottom.next()).isEqualTo(500);
    assertThat(bottom.next()).isEqualTo(1_000);
    assertThat(bottom.next()).isEqualTo(2_000);
  }

  @Test
  void startsOverAfterASuccess() {
    Backoff backoff = new Backoff(100, 1_000, () -> 0.0);
    backoff.next();
    backoff.next();
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(50);
  }

  @Test
  void neverZero() {
    assertThat(new Backoff(1, 1, () -> 0.0).next()).isEqualTo(1);
  }

  @Test
  void aHugeCapDoesNotOverflow() {
    Backoff backoff = new Backoff(Long.MAX_VALUE / 2, Long.MAX_VALUE, () -> 0.0);
    backoff.next();
    assertThat(backoff.next()).isPositive();
  }
}
