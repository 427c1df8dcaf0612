package dev.vitals.health.grpc.impl;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.grpc.GrpcHealth;
import io.vertx.grpc.common.CodecException;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.WireFormat;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code grpc/health/v1/health.proto}, declared by hand: its two tiny messages, the {@code ServingStatus} enum and
 * the service's {@code Check} and {@code Watch} methods, as protobuf descriptors built at class loading (what
 * protoc would generate, without a code generator in the build). Messages are {@link DynamicMessage}s of those
 * descriptors, so vertx-grpc's own protobuf codec reads and writes them in both wire formats (protobuf, JSON).
 */
final class HealthProtocol {

  private static final String PACKAGE = "grpc.health.v1";

  /** The values of {@code HealthCheckResponse.ServingStatus}, in their protobuf numbering. */
  enum ServingStatus {
    UNKNOWN, SERVING, NOT_SERVING, SERVICE_UNKNOWN;

    /** pass and warn are SERVING, fail is NOT_SERVING. */
    static ServingStatus of(HealthStatus status) {
      return status == HealthStatus.FAIL ? NOT_SERVING : SERVING;
    }
  }

  static final Descriptors.ServiceDescriptor SERVICE;
  private static final Descriptors.Descriptor REQUEST;
  private static final Descriptors.FieldDescriptor SERVICE_FIELD;
  private static final Map<ServingStatus, DynamicMessage> RESPONSES = new EnumMap<>(ServingStatus.class);

  static {
    EnumDescriptorProto.Builder servingStatus = EnumDescriptorProto.newBuilder().setName("ServingStatus");
    for (ServingStatus status : ServingStatus.values()) {
      servingStatus.addValue(EnumValueDescriptorProto.newBuilder().setName(status.name()).setNumber(status.ordinal()));
    }
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
      .setName("grpc/health/v1/health.proto")
      .setPackage(PACKAGE)
      .setSyntax("proto3")
      .addMessageType(DescriptorProto.newBuilder().setName("HealthCheckRequest")
        .addField(field("service", FieldDescriptorProto.Type.TYPE_STRING, null)))
      .addMessageType(DescriptorProto.newBuilder().setName("HealthCheckResponse")
        .addField(field("status", FieldDescriptorProto.Type.TYPE_ENUM,
          "." + PACKAGE + ".HealthCheckResponse.ServingStatus"))
        .addEnumType(servingStatus))
      .addService(ServiceDescriptorProto.newBuilder().setName("Health")
        .addMethod(method("Check", false))
        .addMethod(method("Watch", true)))
      .build();
    try {
      Descriptors.FileDescriptor descriptor = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
      SERVICE = descriptor.findServiceByName("Health");
      REQUEST = descriptor.findMessageTypeByName("HealthCheckRequest");
      SERVICE_FIELD = REQUEST.findFieldByName("service");
      Descriptors.Descriptor response = descriptor.findMessageTypeByName("HealthCheckResponse");
      Descriptors.FieldDescriptor statusField = response.findFieldByName("status");
      for (ServingStatus status : ServingStatus.values()) {
        RESPONSES.put(status, DynamicMessage.newBuilder(response)
          .setField(statusField, statusField.getEnumType().findValueByNumber(status.ordinal())).build());
      }
    } catch (Descriptors.DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Check: one request, one response. */
  static final ServiceMethod<String, ServingStatus> CHECK = method("Check");
  /** Watch: one request, a stream of responses. */
  static final ServiceMethod<String, ServingStatus> WATCH = method("Watch");

  private HealthProtocol() {
  }

  private static FieldDescriptorProto.Builder field(String name, FieldDescriptorProto.Type type, String typeName) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setJsonName(name)
      .setNumber(1).setType(type).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
    return typeName == null ? field : field.setTypeName(typeName);
  }

  private static MethodDescriptorProto.Builder method(String name, boolean serverStreaming) {
    return MethodDescriptorProto.newBuilder().setName(name)
      .setInputType("." + PACKAGE + ".HealthCheckRequest")
      .setOutputType("." + PACKAGE + ".HealthCheckResponse")
      .setServerStreaming(serverStreaming);
  }

  /** A method whose handler reads the request's {@code service} and writes a {@link ServingStatus}. */
  private static ServiceMethod<String, ServingStatus> method(String name) {
    GrpcMessageDecoder<DynamicMessage> requests = GrpcMessageDecoder.decoder(DynamicMessage.getDefaultInstance(REQUEST));
    GrpcMessageDecoder<String> decoder = new GrpcMessageDecoder<>() {
      @Override
      public String decode(GrpcMessage msg) throws CodecException {
        return (String) requests.decode(msg).getField(SERVICE_FIELD);
      }

      @Override
      public boolean accepts(WireFormat format) {
        return requests.accepts(format);
      }
    };
    GrpcMessageEncoder<DynamicMessage> responses = GrpcMessageEncoder.encoder();
    GrpcMessageEncoder<ServingStatus> encoder = new GrpcMessageEncoder<>() {
      @Override
      public GrpcMessage encode(ServingStatus status, WireFormat format) throws CodecException {
        return responses.encode(RESPONSES.get(status), format);
      }

      @Override
      public boolean accepts(WireFormat format) {
        return responses.accepts(format);
      }
    };
    return ServiceMethod.server(GrpcHealth.SERVICE_NAME, name, encoder, decoder);
  }
}
