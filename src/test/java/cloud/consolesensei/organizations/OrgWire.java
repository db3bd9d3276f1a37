package cloud.consolesensei.organizations;

import static cloud.consolesensei.testkit.AwsWire.action;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.WireEstate;

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
 * API references document them (the files under {@code aws/sts/} and {@code aws/ec2/}), shared by
 * the organization and regional-STS job tests.
 */
final class OrgWire {

    private OrgWire() {
    }

    /** GetCallerIdentity: the base credentials are the user {@code auditor} of {@code account}. */
    static MappingBuilder callerIdentity(String account) {
        return action("GetCallerIdentity").willReturn(WireEstate.callerIdentityAnswer(account));
    }

    /** An AssumeRole request for {@code roleArn} (form-encoded in the body). */
    static MappingBuilder assumeRole(String roleArn) {
        return action("AssumeRole").withRequestBody(containing("RoleArn=" + URLEncoder.encode(roleArn, StandardCharsets.UTF_8)));
    }

    /** A successful AssumeRole answer giving the session key {@code accessKeyId}. */
    static ResponseDefinitionBuilder session(String roleArn, String accessKeyId) {
        String account = roleArn.split(":")[4];
        String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return WireEstate.session(account, role, accessKeyId, "role/secret/do-not-leak/" + accessKeyId, "2099-01-01T00:00:00Z");
    }

    /** AssumeRole denied, as STS answers when the role is missing or does not trust the caller. */
    static ResponseDefinitionBuilder assumeRoleDenied(String caller, String roleArn) {
        return AwsTemplate.of("sts/error-assume-role-access-denied.xml").answer(403, AwsWire.XML, "caller", caller,
                "roleArn", roleArn);
    }

    /** An Organizations (JSON 1.1) request for {@code operation}. */
    static MappingBuilder organizations(String operation) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128." + operation));
    }

    /** GetEbsEncryptionByDefault: EBS encryption by default {@code on} or off. */
    static ResponseDefinitionBuilder ebsEncryptionByDefault(boolean on) {
        return AwsTemplate.of("ec2/get-ebs-encryption-by-default.xml").answer(AwsWire.XML, "enabled", on);
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
