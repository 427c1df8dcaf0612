package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;

/** Options that keep tests fast: a long wait (so that answers come from changes, not timeouts), short retries. */
final class TestOptions {

  private TestOptions() {
  }

  static ConsulClientOptions fast(ConsulDouble consul) {
    return new ConsulClientOptions()
      .setAddress(consul.address())
      .setWait(30_000)
      .setRequestTimeout(5_000) // a limit for a broken double, not a speed: a loaded 2-core CI machine needs > 1 s
      .setBackoffInitial(10)
      .setBackoffMax(40)
      .setMinInterval(5);
  }
}
