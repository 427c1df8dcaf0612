package dev.vitals.health.web.history;

import dev.vitals.health.JsonForm;
import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

/**
 * Options of {@link HistoryRoutes}: the bounds of the event stream. JSON form (every field optional):
 * {@code {"maxStreams": 100, "maxStreamsPerClient": 4, "keepAlive": "15s", "maxStreamAge": "5m", "eventBuffer": 1000}}; durations are ms or strings such as
 * {@code "15s"}.
 */
@DataObject
@JsonGen(publicConverter = false)
public class HistoryRoutesOptions {

  /** Default number of event streams open at once: 100; one more is answered 503. */
  public static final int DEFAULT_MAX_STREAMS = 100;
  /**
   * Default number of event streams open at once from one client IP address: 4 (a few dashboard tabs; clients
   * behind one proxy or NAT share it); one more is answered 503.
   */
  public static final int DEFAULT_MAX_STREAMS_PER_CLIENT = 4;
  /** Default time between two keep-alive comments on an idle stream: 15000 ms. */
  public static final long DEFAULT_KEEP_ALIVE = 15_000;
  /**
   * Default time after which an event stream is ended: 300000 ms (5 minutes). An {@code EventSource} reconnects by
   * itself ({@code retry: 3000}) and resumes from {@code Last-Event-ID}; a client that stopped reading holds its slot
   * no longer than that.
   */
  public static final long DEFAULT_MAX_STREAM_AGE = 300_000;
  /** Default number of events kept for {@code Last-Event-ID} replay: 1000. */
  public static final int DEFAULT_EVENT_BUFFER = 1_000;

  private int maxStreams = DEFAULT_MAX_STREAMS;
  private int maxStreamsPerClient = DEFAULT_MAX_STREAMS_PER_CLIENT;
  private long keepAlive = DEFAULT_KEEP_ALIVE;
  private long maxStreamAge = DEFAULT_MAX_STREAM_AGE;
  private int eventBuffer = DEFAULT_EVENT_BUFFER;

  /** The JSON form, read before the generated converter; it documents each key. */
  private static final JsonForm FORM = JsonForm.of("")
    .integer("maxStreams").range(1, 100_000).describe("`/health/events` streams open at once; one more gets 503")
    .integer("maxStreamsPerClient").range(1, 100_000)
    .describe("`/health/events` streams open at once from one client IP address (behind a proxy or NAT, all its"
      + " clients); one more gets 503, so never-read streams of one client cannot take every slot")
    .duration("keepAlive").describe("a comment on each event stream this often, so proxies keep it open")
    .duration("maxStreamAge")
    .describe("an event stream is ended after this long; an `EventSource` reconnects by itself (`retry: 3000`) and"
      + " resumes from `Last-Event-ID`, so a client that stopped reading (which the server cannot tell until its"
      + " buffers fill, hours of keep-alives) holds its slot no longer")
    .integer("eventBuffer").range(1, 100_000).describe("events kept for `Last-Event-ID` replay");

  /** Default options. */
  public HistoryRoutesOptions() {
  }

  /** @param other options to copy */
  public HistoryRoutesOptions(HistoryRoutesOptions other) {
    this.maxStreams = other.maxStreams;
    this.maxStreamsPerClient = other.maxStreamsPerClient;
    this.keepAlive = other.keepAlive;
    this.maxStreamAge = other.maxStreamAge;
    this.eventBuffer = other.eventBuffer;
  }

  /**
   * @param json the JSON form described on this class
   * @throws IllegalArgumentException naming the field when a key is unknown or a value is invalid
   */
  public HistoryRoutesOptions(JsonObject json) {
    HistoryRoutesOptionsConverter.fromJson(FORM.read(json), this);
  }

  /**
   * @return the JSON Schema (draft 2020-12) of the JSON form, with its defaults; see {@link JsonForm#schema}
   */
  public static JsonObject schema() {
    return FORM.schema(new HistoryRoutesOptions().toJson());
  }

  /** @return the JSON form described on this class, the duration in ms */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    HistoryRoutesOptionsConverter.toJson(this, json);
    return json;
  }

  /** @return how many event streams may be open at once */
  public int getMaxStreams() {
    return maxStreams;
  }

  /**
   * @param maxStreams how many event streams may be open at once, {@code >= 1}; one more is answered 503
   * @return this
   * @throws IllegalArgumentException {@code <field>: expected an integer from 1 to 100000, got <n>}
   */
  public HistoryRoutesOptions setMaxStreams(int maxStreams) {
    if (maxStreams < 1 || maxStreams > 100_000) {
      throw new IllegalArgumentException("maxStreams: expected an integer from 1 to 100000, got " + maxStreams);
    }
    this.maxStreams = maxStreams;
    return this;
  }

  /** @return how many event streams may be open at once from one client IP address */
  public int getMaxStreamsPerClient() {
    return maxStreamsPerClient;
  }

  /**
   * @param maxStreamsPerClient how many event streams may be open at once from one client IP address (the peer of
   *                            the connection: behind a proxy, the proxy's), {@code >= 1}; one more is answered 503
   *                            with {@code Retry-After}, so that one client cannot take every one of
   *                            {@link #getMaxStreams()}
   * @return this
   * @throws IllegalArgumentException {@code <field>: expected an integer from 1 to 100000, got <n>}
   */
  public HistoryRoutesOptions setMaxStreamsPerClient(int maxStreamsPerClient) {
    if (maxStreamsPerClient < 1 || maxStreamsPerClient > 100_000) {
      throw new IllegalArgumentException("maxStreamsPerClient: expected an integer from 1 to 100000, got " + maxStreamsPerClient);
    }
    this.maxStreamsPerClient = maxStreamsPerClient;
    return this;
  }

  /** @return the time between two keep-alive comments on an idle stream, in ms */
  public long getKeepAlive() {
    return keepAlive;
  }

  /**
   * @param keepAlive the time between two keep-alive comments ({@code : keep-alive}) on a stream, in ms,
   *                  {@code > 0}: proxies close connections idle for longer (nginx after 60 s by default)
   * @return this
   * @throws IllegalArgumentException when not positive
   */
  public HistoryRoutesOptions setKeepAlive(long keepAlive) {
    if (keepAlive <= 0) {
      throw new IllegalArgumentException("keepAlive: must be positive, got " + keepAlive + " ms");
    }
    this.keepAlive = keepAlive;
    return this;
  }

  /** @return the time after which an event stream is ended, in ms */
  public long getMaxStreamAge() {
    return maxStreamAge;
  }

  /**
   * @param maxStreamAge the time after which an event stream is ended by the server, in ms, {@code > 0}. A client
   *                     cannot be seen to stop reading until its connection's buffers fill, which the keep-alive
   *                     comments alone take hours to do: the age bounds how long a never-read stream holds one of
   *                     {@link #getMaxStreams()}. An {@code EventSource} reconnects by itself and resumes from
   *                     {@code Last-Event-ID}, losing nothing kept in the event buffer
   * @return this
   * @throws IllegalArgumentException {@code maxStreamAge: must be positive, got <n> ms}
   */
  public HistoryRoutesOptions setMaxStreamAge(long maxStreamAge) {
    if (maxStreamAge <= 0) {
      throw new IllegalArgumentException("maxStreamAge: must be positive, got " + maxStreamAge + " ms");
    }
    this.maxStreamAge = maxStreamAge;
    return this;
  }

  /** @return how many events are kept for {@code Last-Event-ID} replay */
  public int getEventBuffer() {
    return eventBuffer;
  }

  /**
   * @param eventBuffer how many of the latest events are kept for a client reconnecting with
   *                    {@code Last-Event-ID}, {@code >= 1}; a client that missed more gets the ones kept
   * @return this
   * @throws IllegalArgumentException {@code <field>: expected an integer from 1 to 100000, got <n>}
   */
  public HistoryRoutesOptions setEventBuffer(int eventBuffer) {
    if (eventBuffer < 1 || eventBuffer > 100_000) {
      throw new IllegalArgumentException("eventBuffer: expected an integer from 1 to 100000, got " + eventBuffer);
    }
    this.eventBuffer = eventBuffer;
    return this;
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
