package cloud.consolesensei.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import tools.jackson.databind.json.JsonMapper;

/** The answer files and their placeholders: what a test gets, and the error a slip earns. */
class AwsTemplateTest {

    @Test
    void fillsEveryPlaceholderWithItsValue() {
        String item = AwsTemplate.of("ec2/describe-addresses-item-unassociated.xml").fill("publicIp", "203.0.113.7",
                "allocationId", "eipalloc-0abc", "region", "eu-west-1");

        assertThat(item).contains("<publicIp>203.0.113.7</publicIp>").contains("<allocationId>eipalloc-0abc</allocationId>")
                .contains("<networkBorderGroup>eu-west-1</networkBorderGroup>").doesNotContain("${");
        assertThat(AwsTemplate.of("ec2/describe-addresses-item-unassociated.xml").placeholders())
                .containsExactly("publicIp", "allocationId", "region");
    }

    @Test
    void compactDropsTheWhitespaceBetweenElementsOnly() {
        String item = AwsTemplate.of("ec2/describe-snapshots-item.xml").compact().fill("snapshotId", "snap-1",
                "volumeId", "vol-1", "startTime", "2026-11-01T00:00:00Z", "account", "123456789012", "volumeSize", 8,
                "description", "nightly 7", "encrypted", true);

        assertThat(item).startsWith("<item><snapshotId>snap-1</snapshotId><volumeId>vol-1</volumeId>")
                .contains("<description>nightly 7</description>").endsWith("</storageTier></item>").doesNotContain("\n");
    }

    @Test
    void aMissingValueNamesTheFileAndThePlaceholder() {
        assertThatThrownBy(() -> AwsTemplate.of("ec2/describe-addresses-item-unassociated.xml").fill("publicIp", "1.2.3.4",
                "allocationId", "eipalloc-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aws/ec2/describe-addresses-item-unassociated.xml: no value for ${region}");
    }

    @Test
    void aValueForNoPlaceholderIsATypoAndNamesWhatTheFileHas() {
        assertThatThrownBy(() -> AwsTemplate.of("ec2/describe-addresses-item-unassociated.xml").fill("publicIp", "1.2.3.4",
                "allocationId", "eipalloc-1", "regoin", "eu-west-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aws/ec2/describe-addresses-item-unassociated.xml has no placeholder ${regoin};"
                        + " it has [publicIp, allocationId, region]");
    }

    @Test
    void unpairedArgumentsAndUnknownFilesAreRefused() {
        assertThatThrownBy(() -> AwsTemplate.of("ec2/describe-addresses.xml").fill("items"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not pair up");
        assertThatThrownBy(() -> AwsTemplate.of("ec2/no-such-answer.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no test resource aws/ec2/no-such-answer.xml");
    }

    /**
     * Every answer file parses as what it claims to be once its placeholders are filled (XML items
     * and element lists inside a root of their own), except the deliberately broken ones, which say
     * so in their name ({@code -truncated}) or content (a JSON entry that is not JSON).
     */
    @Test
    void everyAnswerFileIsWellFormed() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Path file : answerFiles()) {
            String name = file.getFileName().toString();
            if (name.contains("-truncated")) continue;
            String path = root().relativize(file).toString().replace('\\', '/');
            AwsTemplate template = AwsTemplate.of(path);
            List<Object> values = new ArrayList<>();
            for (String p : template.placeholders()) {
                values.add(p);
                values.add(name.endsWith(".json") ? "0" : "x");
            }
            String text = template.fill(values.toArray());
            if (name.endsWith(".xml")) {
                String doc = text.startsWith("<?xml") ? text : "<fragment>" + text + "</fragment>";
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(doc)));
            } else if (name.endsWith(".json")) {
                JsonMapper.builder().build().readTree(text);
            }
            checked.add(path);
        }
        assertThat(checked).contains("ec2/describe-addresses.xml", "sts/assume-role.xml", "ce/get-cost-forecast.json")
                .hasSizeGreaterThan(80);
    }

    private static Path root() throws URISyntaxException {
        return Path.of(AwsTemplateTest.class.getResource("/aws").toURI());
    }

    private static List<Path> answerFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
