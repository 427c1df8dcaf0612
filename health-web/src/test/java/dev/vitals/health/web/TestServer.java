package dev.vitals.health.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import static dev.vitals.health.test.Await.result;

/** A router served on 127.0.0.1 port 0, and a real client pointed at it. */
final class TestServer implements AutoCloseable {

  final HttpServer server;
  final WebClient client;

  TestServer(Vertx vertx, Router router) {
    this(result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")), vertx);
  }

  /** A client for a server the test started itself. */
  TestServer(HttpServer server, Vertx vertx) {
    this.server = server;
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(server.actualPort()), new PoolOptions().setHttp1MaxSize(128));
  }

  HttpRequest<Buffer> request(HttpMethod method, String uri) {
    return client.request(method, uri);
  }

  HttpResponse<Buffer> get(String uri) {
    return result(client.get(uri).send());
  }

  HttpResponse<Buffer> get(String uri, String accept) {
    return result(client.get(uri).putHeader("Accept", accept).send());
  }

  @Override
  public void close() {
    client.close();
    result(server.close());
  }
}
