package cloud.consolesensei.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The client factory builds one client per (service, account, region) and one role provider per
 * (account, region), whatever the order in which partitions ask for them. Building clients makes no
 * AWS call, so no endpoint is needed.
 */
class SdkAwsClientsTest {

    @Test
    void buildsEveryRoleClientOnceWithoutUpdatingItsCacheFromInsideItself() {
        AccountTarget role = new AccountTarget("444455556666", "role", "arn:aws:iam::444455556666:role/audit", "ext",
                List.of("us-east-1"), List.of(), null, List.of());
        List<String> regions = Region.regions().stream().map(Region::id).filter(Regions::isKnown).sorted().toList();
        try (SdkAwsClients clients = new SdkAwsClients(AwsSettings.defaults(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))) {
            List<Object> built = new ArrayList<>();
            for (String region : regions) {
                // the first client of a region creates the role's provider (and its STS client) on the way
                built.add(clients.ec2(role, region));
                built.add(clients.autoScaling(role, region));
                built.add(clients.sts(role, region));
            }
            assertThat(built).hasSize(regions.size() * 3).doesNotContainNull();
            for (String region : regions) {
                assertThat(clients.ec2(role, region)).isSameAs(clients.ec2(role, region));
                assertThat(clients.credentialsFor(role, region)).isSameAs(clients.credentialsFor(role, region));
            }
        }
    }
}
