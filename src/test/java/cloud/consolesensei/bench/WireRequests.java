package cloud.consolesensei.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link RecordedCall} back into the SDK request object that produced it, from the model's own
 * field descriptions ({@link SdkField}: location, location name, type), so one mechanism covers every
 * operation: Query protocol (EC2's flat lists {@code Filter.1.Value.1}; IAM, STS, Auto Scaling and
 * CloudWatch's {@code Member.member.1}), REST XML (path, query string, headers) and JSON 1.0/1.1 bodies.
 * The benchmark checks the result: the replay's calls must reach the fake AWS exactly as recorded.
 */
final class WireRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Method> BUILDERS = new ConcurrentHashMap<>();

    /** What to call: the SDK client interface's method and its request. */
    record Invocation(String service, String operation, Method method, SdkRequest request) {
    }

    private WireRequests() {
    }

    /** The SDK model package of a signing name. */
    static String modelPackage(RecordedCall c) {
        String svc = switch (c.service()) {
            case "s3" -> c.path().startsWith("/v20180820/") ? "s3control" : "s3";
            case "ce" -> "costexplorer";
            case "monitoring" -> "cloudwatch";
            default -> c.service();
        };
        return "software.amazon.awssdk.services." + svc;
    }

    /** The operation's SDK name: {@code GetBucket:versioning} is {@code GetBucketVersioning}, and so on. */
    static String operationName(RecordedCall c) {
        String op = c.operation();
        if (op.equals("GetPublicAccessBlock(account)")) return "GetPublicAccessBlock";
        if (!op.startsWith("GetBucket:")) return op;
        return switch (op.substring("GetBucket:".length())) {
            case "publicAccessBlock" -> "GetPublicAccessBlock";
            case "lifecycle" -> "GetBucketLifecycleConfiguration";
            default -> "GetBucket" + Character.toUpperCase(op.charAt(10)) + op.substring(11);
        };
    }

    /** The request object and the client method of a recorded call. */
    static Invocation of(RecordedCall c, Class<?> clientInterface) {
        String name = operationName(c);
        String requestClass = modelPackage(c) + ".model." + name + "Request";
        Method builder = BUILDERS.computeIfAbsent(requestClass, WireRequests::builderMethod);
        SdkPojo b = invoke(builder);
        String protocol = c.service();
        if (!c.form().isEmpty()) {
            fillQuery(b, "", c.form(), "ec2".equals(protocol));
        } else if (c.body() != null && !c.body().isBlank() && c.body().startsWith("{")) {
            fillJson(b, JSON.readTree(c.body()));
        } else {
            fillRest(b, c);
        }
        SdkRequest request = (SdkRequest) ((SdkBuilder<?, ?>) b).build();
        String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        try {
            // request classes are final and the client methods take exactly them
            return new Invocation(c.service(), name, clientInterface.getMethod(method, request.getClass()), request);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no " + method + " on " + clientInterface.getSimpleName(), e);
        }
    }

    private static Method builderMethod(String requestClass) {
        try {
            return Class.forName(requestClass).getMethod("builder");
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not an SDK request class: " + requestClass, e);
        }
    }

    private static SdkPojo invoke(Method staticBuilder) {
        try {
            return (SdkPojo) staticBuilder.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------ Query protocol

    private static void fillQuery(SdkPojo b, String prefix, Map<String, String> params, boolean ec2) {
        for (SdkField<?> f : b.sdkFields()) {
            Object v = queryValue(f, prefix + f.locationName(), params, ec2);
            if (v != null) f.set(b, v);
        }
    }

    private static Object queryValue(SdkField<?> f, String name, Map<String, String> params, boolean ec2) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.LIST) {
            ListTrait lt = f.getTrait(ListTrait.class);
            String base = ec2 || lt.isFlattened() ? name
                    : name + "." + (lt.memberLocationName() == null ? "member" : lt.memberLocationName());
            List<Object> out = new ArrayList<>();
            for (int i = 1; ; i++) {
                Object v = queryValue(lt.memberFieldInfo(), base + "." + i, params, ec2);
                if (v == null) break;
                out.add(v);
            }
            return out.isEmpty() ? null : out;
        }
        if (t == MarshallingType.SDK_POJO) {
            String p = name + ".";
            if (params.keySet().stream().noneMatch(k -> k.startsWith(p))) return null;
            SdkPojo nested = f.constructor().get();
            fillQuery(nested, p, params, ec2);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (t == MarshallingType.MAP) throw new UnsupportedOperationException("Query map " + name);
        String raw = params.get(name);
        return raw == null ? null : scalar(t, raw);
    }

    // ------------------------------------------------------------ REST XML (S3, S3 Control)

    private static void fillRest(SdkPojo b, RecordedCall c) {
        String[] segments = c.path().substring(1).split("/", 2);
        for (SdkField<?> f : b.sdkFields()) {
            String raw = switch (f.location()) {
                case PATH -> segments[0].isEmpty() ? null : segments[0];
                case GREEDY_PATH -> segments.length > 1 ? segments[1] : null;
                case QUERY_PARAM -> c.query().get(f.locationName());
                case HEADER -> c.headers().get(f.locationName().toLowerCase(Locale.ROOT));
                default -> null;
            };
            if (raw != null && f.location() != MarshallLocation.PAYLOAD) f.set(b, scalar(f.marshallingType(), raw));
        }
    }

    // ------------------------------------------------------------ JSON 1.0 / 1.1

    private static void fillJson(SdkPojo b, JsonNode object) {
        for (SdkField<?> f : b.sdkFields()) {
            JsonNode n = object.get(f.locationName());
            if (n != null && !n.isNull()) f.set(b, jsonValue(f, n));
        }
    }

    private static Object jsonValue(SdkField<?> f, JsonNode n) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (JsonNode e : n.values()) out.add(jsonValue(member, e));
            return out;
        }
        if (t == MarshallingType.MAP) {
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            n.properties().forEach(e -> out.put(e.getKey(), jsonValue(value, e.getValue())));
            return out;
        }
        if (t == MarshallingType.SDK_POJO) {
            Supplier<SdkPojo> ctor = f.constructor();
            SdkPojo nested = ctor.get();
            fillJson(nested, n);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (t == MarshallingType.INSTANT && n.isNumber()) {
            return Instant.ofEpochMilli(Math.round(n.asDouble() * 1000));
        }
        return scalar(t, n.asString());
    }

    // ------------------------------------------------------------ scalars

    private static Object scalar(MarshallingType<?> t, String raw) {
        if (t == MarshallingType.STRING) return raw;
        if (t == MarshallingType.INTEGER) return Integer.valueOf(raw);
        if (t == MarshallingType.LONG) return Long.valueOf(raw);
        if (t == MarshallingType.BOOLEAN) return Boolean.valueOf(raw);
        if (t == MarshallingType.DOUBLE) return Double.valueOf(raw);
        if (t == MarshallingType.FLOAT) return Float.valueOf(raw);
        if (t == MarshallingType.BIG_DECIMAL) return new BigDecimal(raw);
        if (t == MarshallingType.SHORT) return Short.valueOf(raw);
        if (t == MarshallingType.INSTANT) return Instant.parse(raw);
        if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromUtf8String(raw);
        throw new UnsupportedOperationException("type " + t);
    }
}
