package cloud.consolesensei.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;

import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;

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
 * {@code ErrorResponse/Error/{Type,Code,Message}} plus RequestId), from the files under
 * {@code aws/iam/}, with small builders for a result's plain elements and member lists, and request
 * matchers on the form body.
 */
final class IamXml {

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

    /** A 200 {@code <action>Response} whose {@code <action>Result} holds {@code result} (file {@code aws/iam/response.xml}). */
    static ResponseDefinitionBuilder ok(String action, String result) {
        return AwsTemplate.of("iam/response.xml").answer(AwsWire.XML, "action", action, "result", result,
                "requestId", UUID.randomUUID());
    }

    /** An IAM error answer (file {@code aws/iam/error.xml}). */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return AwsTemplate.of("iam/error.xml").answer(status, AwsWire.XML, "code", code, "message", message,
                "requestId", UUID.randomUUID());
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

    /** A User element's content (file {@code aws/iam/user.xml}) of the test account. */
    static String user(String name, Instant created) {
        return AwsTemplate.of("iam/user.xml").fill("name", name, "id", name.toUpperCase(), "account", IamTestSupport.ACCOUNT,
                "created", created);
    }

    /** A Role element's content (file {@code aws/iam/role.xml}) of the test account. */
    static String role(String name, String path, Instant created, String trustJson) {
        return AwsTemplate.of("iam/role.xml").fill(roleValues(name, path, created, trustJson));
    }

    /** A GetAccountAuthorizationDetails RoleDetail with RoleLastUsed (empty element when never used). */
    static String roleDetail(String name, String path, Instant created, String trustJson, Instant lastUsed, String region) {
        String lastUsedElement = lastUsed == null ? "<RoleLastUsed/>"
                : AwsTemplate.of("iam/role-last-used.xml").fill("lastUsedDate", lastUsed, "region", region);
        Object[] values = roleValues(name, path, created, trustJson);
        Object[] all = Arrays.copyOf(values, values.length + 2);
        all[values.length] = "roleLastUsed";
        all[values.length + 1] = lastUsedElement;
        return AwsTemplate.of("iam/role-detail.xml").fill(all);
    }

    private static Object[] roleValues(String name, String path, Instant created, String trustJson) {
        return new Object[] {"path", path, "name", name, "id", name.toUpperCase().replace("-", ""),
                "account", IamTestSupport.ACCOUNT, "created", created, "trustPolicy", PolicyChecksTest.encoded(trustJson)};
    }
}
