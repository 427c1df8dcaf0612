package dev.vitals.status.consul.impl;

/**
 * Consul's rules for the index of the next blocking query ("Blocking Queries", implementation details): an index
 * below 1 is a Consul bug that would make every query return at once, so it is raised to 1; an index lower than the
 * one sent means Consul's state was reset (a snapshot restore, a new cluster), so the next query starts over with a
 * non-blocking read (index 0).
 */
final class BlockingIndex {

  private BlockingIndex() {
  }

  /**
   * @param received the {@code X-Consul-Index} of an answer
   * @return the index, never below 1
   */
  static long sanitize(long received) {
    return Math.max(1, received);
  }

  /**
   * @param requested the index the query was sent with (0 for a non-blocking read)
   * @param received  the {@code X-Consul-Index} of its answer
   * @return the index to send next: 0 when it went backwards, else the sanitized received index
   */
  static long next(long requested, long received) {
    long index = sanitize(received);
    return index < requested ? 0 : index;
  }
}
