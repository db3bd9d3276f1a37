package cloud.consolesensei.bench;

import cloud.consolesensei.bench.FakeAwsServer.Call;

import java.util.Map;
import java.util.TreeMap;

/**
 * One answered AWS call as the fake AWS saw it: enough to make the same call again with the SDK
 * ({@link WireRequests}) and to tell whether a replay made exactly the same call ({@link #canonical()}).
 *
 * @param account   audited account ID whose session signed it, or null for the base credentials
 * @param region    region of the SigV4 credential scope (the client's region)
 * @param service   signing name ({@code ec2}, {@code iam}, {@code s3}, {@code ce}, {@code monitoring}, ...)
 * @param operation API operation; S3 bucket calls as {@code GetBucket:<sub-resource>}, S3 Control's as
 *                  {@code GetPublicAccessBlock(account)}
 * @param method    HTTP method
 * @param path      raw request path
 * @param query     query parameters, decoded
 * @param form      form parameters of Query-protocol calls, decoded
 * @param body      request body (JSON protocols), or empty
 * @param headers   the request's own {@code x-amz-*} headers, lower-case names
 */
public record RecordedCall(String account, String region, String service, String operation, String method, String path,
                           Map<String, String> query, Map<String, String> form, String body, Map<String, String> headers) {

    static RecordedCall of(Call c, String account, String operation) {
        return new RecordedCall(account, c.region(), c.service(), operation, c.method(), c.path(), new TreeMap<>(c.query()),
                new TreeMap<>(c.form()), c.body(), c.headers());
    }

    /** Everything that makes the call what it is, in one comparable string. */
    public String canonical() {
        return String.join("|", service, operation, String.valueOf(account), region, method, path, new TreeMap<>(query).toString(),
                new TreeMap<>(form).toString(), body, new TreeMap<>(headers).toString());
    }

    /**
     * The partition whose thread made the call in the audit: {@code account|region}, or {@code account|global}
     * for the services the audit reads in an account's global partition (IAM, S3, Cost Explorer, ...).
     */
    public String partition() {
        boolean regional = switch (service) {
            case "ec2", "autoscaling", "sts", "monitoring" -> true;
            default -> false;
        };
        return account + "|" + (regional ? region : "global");
    }
}
