package cloud.consolesensei.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
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
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < INSTANCES; i++) {
            items.append("<item><instanceId>").append(id("i", i)).append("</instanceId><instanceState><code>")
                    .append(i % 2 == 0 ? "80</code><name>stopped" : "16</code><name>running")
                    .append("</name></instanceState><instanceType>t3.micro</instanceType>")
                    .append("<launchTime>2025-01-01T08:00:00.000Z</launchTime></item>");
        }
        answer(ec2("DescribeInstances"), "DescribeInstancesResponse", "<reservationSet><item><reservationId>r-0000000000000001"
                + "</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>" + items
                + "</instancesSet></item></reservationSet>");
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void onePagedCallPerHundredStoppedInstancesEachInstanceGetsItsOwnVolumes() {
        // first call: the first 100 stopped instances (0, 2, ..., 198); second: the other 25
        answer(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 0))),
                "DescribeVolumesResponse", "<volumeSet>" + volumes(0, 200) + "</volumeSet>");
        answer(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 200))),
                "DescribeVolumesResponse", "<volumeSet>" + volumes(200, 250) + "</volumeSet>");

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
        answer(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 0))),
                "DescribeVolumesResponse", "<volumeSet>" + volumes(0, 200) + "</volumeSet>");
        server.stubFor(ec2("DescribeVolumes").withRequestBody(containing("Filter.1.Value.1=" + id("i", 200)))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml;charset=UTF-8")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                                + "<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this"
                                + " operation.</Message></Error></Errors><RequestID>ea966190-example</RequestID></Response>")));

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

    /** Volumes attached to the stopped instances in [from, to); every tenth stopped one also shares vol-shared. */
    private static String volumes(int from, int to) {
        StringBuilder sb = new StringBuilder();
        StringBuilder shared = new StringBuilder();
        for (int i = from; i < to; i += 2) {
            sb.append("<item><volumeId>").append(id("vol", i)).append("</volumeId><size>").append(i + 1)
                    .append("</size><availabilityZone>us-east-1a</availabilityZone><status>in-use</status>")
                    .append("<createTime>2025-01-01T08:00:00.000Z</createTime><attachmentSet>")
                    .append(attachment(id("vol", i), i)).append("</attachmentSet><volumeType>gp3</volumeType>")
                    .append("<encrypted>true</encrypted><multiAttachEnabled>false</multiAttachEnabled></item>");
            if (i % 10 == 0) shared.append(attachment("vol-shared", i));
        }
        // an io2 Multi-Attach volume attached to several of the instances asked about
        sb.append("<item><volumeId>vol-shared</volumeId><size>50</size><availabilityZone>us-east-1a</availabilityZone>")
                .append("<status>in-use</status><createTime>2025-01-01T08:00:00.000Z</createTime><attachmentSet>")
                .append(shared).append("</attachmentSet><volumeType>io2</volumeType><iops>1000</iops>")
                .append("<encrypted>true</encrypted><multiAttachEnabled>true</multiAttachEnabled></item>");
        return sb.toString();
    }

    private static String attachment(String volume, int instance) {
        return "<item><volumeId>" + volume + "</volumeId><instanceId>" + id("i", instance) + "</instanceId><device>/dev/xvdf"
                + "</device><status>attached</status><attachTime>2025-01-01T08:00:00.000Z</attachTime>"
                + "<deleteOnTermination>false</deleteOnTermination></item>";
    }

    private static String id(String prefix, int i) {
        return prefix + "-" + String.format("%017x", i);
    }

    private static MappingBuilder ec2(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action));
    }

    private void answer(MappingBuilder request, String root, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NS + "\">\n"
                        + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n" + body + "\n</" + root + ">")));
    }
}
