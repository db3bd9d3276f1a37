package cloud.consolesensei.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The volumes of stopped instances are read per page of instances, {@value InstanceSource#IDS_PER_CALL}
 * instance IDs per DescribeVolumes (one {@code attachment.instance-id} filter with many values,
 * ORed by EC2), not one call per instance: through the real SDK against WireMock answering the
 * EC2 Query API's XML. A failed call leaves only its own instances unpriced and names them.
 */
@WireTest
class StoppedInstanceVolumesWireTest {

    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wiremock", null, null,
            List.of("us-east-1"), List.of(), null, List.of());
    /** 250 instances in one page; every even one stopped: 125 stopped, so two DescribeVolumes calls. */
    private static final int INSTANCES = 250;

    private AwsWire aws;
    private WireMockServer server;
    private SdkAwsClients clients;
    private final List<CoverageGap> gaps = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        server = aws.server();
        AwsWire.noUsageData(server);
        clients = aws.clients(AwsSettings.defaults());
        AwsTemplate instance = AwsTemplate.of("ec2/instance-item.xml");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < INSTANCES; i++) {
            instance.appendTo(items, "instanceId", id("i", i), "stateCode", i % 2 == 0 ? 80 : 16,
                    "stateName", i % 2 == 0 ? "stopped" : "running", "instanceType", "t3.micro",
                    "launchTime", "2025-01-01T08:00:00.000Z");
        }
        server.stubFor(ec2("DescribeInstances").willReturn(AwsTemplate.of("ec2/describe-instances-one-reservation.xml")
                .answer(AwsWire.XML, "account", ACCOUNT.id(), "instances", items)));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void onePagedCallPerHundredStoppedInstancesEachInstanceGetsItsOwnVolumes() {
        // first call: the first 100 stopped instances (0, 2, ..., 198); second: the other 25
        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 0)))
                .willReturn(volumes(0, 200)));
        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 200)))
                .willReturn(volumes(200, 250)));

        Map<String, InstanceView> views = read();

        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeVolumes")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Filter.1.Value.100=" + id("i", 198)))
                .withRequestBody(notContaining("Filter.1.Value.101")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Filter.1.Value.25=" + id("i", 248)))
                .withRequestBody(notContaining("Filter.1.Value.26")));
        assertThat(views).hasSize(INSTANCES);
        for (int i = 0; i < INSTANCES; i++) {
            InstanceView v = views.get(id("i", i));
            if (i % 2 == 1) {
                assertThat(v.attachedVolumes()).as("running %d", i).isNull();
            } else {
                // instance i has volume i (size i + 1 GiB) and, for multiples of 10, the shared vol-shared too
                assertThat(v.attachedVolumes()).as("stopped %d", i).extracting(x -> x.volumeId())
                        .containsExactlyElementsOf(i % 10 == 0 ? List.of(id("vol", i), "vol-shared") : List.of(id("vol", i)));
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void aFailedCallLeavesOnlyItsInstancesUnpricedAndNamesThem() {
        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 0)))
                .willReturn(volumes(0, 200)));
        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 200)))
                .willReturn(AwsTemplate.of("ec2/error.xml").answer(403, AwsWire.XML, "code", "UnauthorizedOperation",
                        "message", "You are not authorized to perform this operation.", "requestId", "ea966190-example")));

        Map<String, InstanceView> views = read();

        assertThat(views.get(id("i", 198)).attachedVolumes()).isNotNull();
        assertThat(views.get(id("i", 200)).attachedVolumes()).isNull();
        assertThat(views.get(id("i", 248)).attachedVolumes()).isNull();
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.operation()).isEqualTo("DescribeVolumes");
            assertThat(g.message()).startsWith("instances " + id("i", 200) + ", " + id("i", 202) + ",")
                    .contains(id("i", 248) + ": UnauthorizedOperation");
        });
    }

    private Map<String, InstanceView> read() {
        try (var s = new InstanceSource().read(readContext(clients, ACCOUNT, "us-east-1", gaps))) {
            return s.collect(Collectors.toMap(v -> v.instance().instanceId(), v -> v));
        }
    }

    /**
     * DescribeVolumes listing the volumes attached to the stopped instances in [from, to): instance i
     * has gp3 volume i of i + 1 GiB, and every tenth stopped one also shares an io2 Multi-Attach volume.
     */
    private static ResponseDefinitionBuilder volumes(int from, int to) {
        AwsTemplate volume = AwsTemplate.of("ec2/volume-item-in-use.xml");
        StringBuilder sb = new StringBuilder();
        StringBuilder shared = new StringBuilder();
        for (int i = from; i < to; i += 2) {
            volume.appendTo(sb, "volumeId", id("vol", i), "size", i + 1, "availabilityZone", "us-east-1a",
                    "createTime", "2025-01-01T08:00:00.000Z", "attachments", attachment(id("vol", i), i), "volumeType", "gp3",
                    "iops", 3000, "multiAttach", false);
            if (i % 10 == 0) shared.append(attachment("vol-shared", i));
        }
        volume.appendTo(sb, "volumeId", "vol-shared", "size", 50, "availabilityZone", "us-east-1a",
                "createTime", "2025-01-01T08:00:00.000Z", "attachments", shared, "volumeType", "io2", "iops", 1000,
                "multiAttach", true);
        return AwsTemplate.of("ec2/describe-volumes.xml").answer(AwsWire.XML, "volumes", sb);
    }

    private static String attachment(String volume, int instance) {
        return AwsTemplate.of("ec2/volume-attachment-item.xml").fill("volumeId", volume, "instanceId", id("i", instance),
                "device", "/dev/xvdf", "attachTime", "2025-01-01T08:00:00.000Z", "deleteOnTermination", false);
    }

    private static String id(String prefix, int i) {
        return prefix + "-" + String.format("%017x", i);
    }

    private static MappingBuilder ec2(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action));
    }
}
