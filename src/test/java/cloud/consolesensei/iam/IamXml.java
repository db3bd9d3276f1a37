package cloud.consolesensei.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * IAM Query API responses shaped as the IAM API reference documents them (namespace
 * https://iam.amazonaws.com/doc/2010-05-08/, {@code <Action>Response/<Action>Result}, errors as
 * {@code ErrorResponse/Error/{Type,Code,Message}} plus RequestId), and request matchers on the form body.
 */
final class IamXml {

    static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamXml() {
    }

    /** Matches a form body whose Action parameter is exactly {@code action}. */
    static StringValuePattern action(String action) {
        return matching("(.*&)?Action=" + action + "(&.*)?");
    }

    /** A form-encoded request parameter, as the SDK writes it, for {@code containing(...)}. */
    static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ResponseDefinitionBuilder ok(String action, String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<" + action + "Response xmlns=\"" + NS + "\">\n  <" + action + "Result>\n" + result
                        + "\n  </" + action + "Result>\n  <ResponseMetadata>\n    <RequestId>" + UUID.randomUUID()
                        + "</RequestId>\n  </ResponseMetadata>\n</" + action + "Response>");
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"" + NS + "\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>" + code
                        + "</Code>\n    <Message>" + message + "</Message>\n  </Error>\n  <RequestId>"
                        + UUID.randomUUID() + "</RequestId>\n</ErrorResponse>");
    }

    /** {@code <Name>value</Name>}. */
    static String el(String name, Object value) {
        return "<" + name + ">" + value + "</" + name + ">";
    }

    /** {@code <Name><member>..</member>...</Name>}. */
    static String members(String name, String... members) {
        return "<" + name + ">" + Arrays.stream(members).map(m -> "<member>" + m + "</member>")
                .collect(Collectors.joining()) + "</" + name + ">";
    }

    /** The paging elements of a list result. */
    static String page(String nextMarker) {
        return nextMarker == null ? el("IsTruncated", false) : el("IsTruncated", true) + el("Marker", nextMarker);
    }

    static String user(String name, Instant created) {
        return el("Path", "/") + el("UserName", name) + el("UserId", "AIDA" + name.toUpperCase())
                + el("Arn", "arn:aws:iam::" + IamTestSupport.ACCOUNT + ":user/" + name) + el("CreateDate", created);
    }

    static String role(String name, String path, Instant created, String trustJson) {
        return el("Path", path) + el("RoleName", name) + el("RoleId", "AROA" + name.toUpperCase().replace("-", ""))
                + el("Arn", "arn:aws:iam::" + IamTestSupport.ACCOUNT + ":role" + path + name)
                + el("CreateDate", created) + el("AssumeRolePolicyDocument", PolicyChecksTest.encoded(trustJson))
                + el("MaxSessionDuration", 3600);
    }

    /** A GetAccountAuthorizationDetails RoleDetail with RoleLastUsed (empty element when never used). */
    static String roleDetail(String name, String path, Instant created, String trustJson, Instant lastUsed, String region) {
        return role(name, path, created, trustJson).replace(el("MaxSessionDuration", 3600), "")
                + "<InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/><Tags/>"
                + (lastUsed == null ? "<RoleLastUsed/>"
                : "<RoleLastUsed>" + el("LastUsedDate", lastUsed) + el("Region", region) + "</RoleLastUsed>");
    }
}
