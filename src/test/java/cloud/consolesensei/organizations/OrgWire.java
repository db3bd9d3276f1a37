package cloud.consolesensei.organizations;

import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import org.apache.commons.csv.CSVRecord;

/**
 * Wire shapes of STS (Query/XML), Organizations (JSON 1.1) and EC2 (Query/XML) answers as the AWS
 * API references document them, shared by the organization and regional-STS job tests.
 */
final class OrgWire {

    static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String EC2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private OrgWire() {
    }

    /** GetCallerIdentity: the base credentials are the user {@code auditor} of {@code account}. */
    static MappingBuilder callerIdentity(String account) {
        return action("GetCallerIdentity").willReturn(xml("""
                <GetCallerIdentityResponse xmlns="%s">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::%s:user/auditor</Arn>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Account>%s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(STS, account, account)));
    }

    /** An AssumeRole request for {@code roleArn} (form-encoded in the body). */
    static MappingBuilder assumeRole(String roleArn) {
        return action("AssumeRole").withRequestBody(containing("RoleArn=" + URLEncoder.encode(roleArn, StandardCharsets.UTF_8)));
    }

    /** A successful AssumeRole answer giving the session key {@code accessKeyId}. */
    static ResponseDefinitionBuilder session(String roleArn, String accessKeyId) {
        String account = roleArn.split(":")[4];
        String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return xml("""
                <AssumeRoleResponse xmlns="%1$s">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::%2$s:assumed-role/%3$s/consolesensei-%2$s</Arn>
                      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:consolesensei-%2$s</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>%4$s</AccessKeyId>
                      <SecretAccessKey>role/secret/do-not-leak/%4$s</SecretAccessKey>
                      <SessionToken>FwoGZXIvYXdzEXAMPLEtokenDoNotLeak</SessionToken>
                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                    </Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>""".formatted(STS, account, role, accessKeyId));
    }

    /** AssumeRole denied, as STS answers when the role is missing or does not trust the caller. */
    static ResponseDefinitionBuilder assumeRoleDenied(String caller, String roleArn) {
        return aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="%s">
                  <Error>
                    <Type>Sender</Type>
                    <Code>AccessDenied</Code>
                    <Message>User: arn:aws:iam::%s:user/auditor is not authorized to perform: sts:AssumeRole on resource: %s</Message>
                  </Error>
                  <RequestId>4d2e4ae4-6e7a-4d8b-9b2a-2a1d1EXAMPLE</RequestId>
                </ErrorResponse>""".formatted(STS, caller, roleArn));
    }

    /** An Organizations (JSON 1.1) request for {@code operation}. */
    static MappingBuilder organizations(String operation) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128." + operation));
    }

    /** A 200 JSON 1.1 answer. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "b8c3f2a0-0000-4000-8000-0000EXAMPLE0").withBody(body);
    }

    /** An EC2 Query answer with root element {@code root}. */
    static ResponseDefinitionBuilder ec2(String root, String body) {
        return xml("<" + root + " xmlns=\"" + EC2 + "\">\n<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n"
                + body + "\n</" + root + ">");
    }

    /** A CSV report with its header. */
    static List<CSVRecord> csv(Path file) throws IOException {
        return new ArrayList<>(Cli.csv(file));
    }

    /** The key of the base credentials, for {@link AwsWire#signed}. */
    static String baseKey() {
        return AwsWire.BASE_KEY;
    }
}
