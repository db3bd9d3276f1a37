package cloud.consolesensei.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/checks.md} is what {@link CatalogDocument} renders from the check definitions: a
 * definition changed without regenerating the file fails here. Regenerate with
 * {@code ./mvnw -B -o test -Dtest=CatalogDocTest -Dcatalog.write=true}.
 */
class CatalogDocTest {

    private static final Path DOC = Path.of("docs/checks.md");

    @Test
    void docsCheckCatalogIsGeneratedFromTheDefinitions() throws Exception {
        List<CheckDefinition> defs = CatalogDocument.definitions();
        String rendered = CatalogDocument.render(defs);
        if (Boolean.getBoolean("catalog.write")) Files.writeString(DOC, rendered);

        assertThat(defs).extracting(CheckDefinition::id).contains("ec2.instance_idle", "ebs.volume_gp2",
                "s3.bucket_public", "iam.root_mfa_disabled", "asg.single_az", "cost.daily_anomaly",
                "billing.budget_exceeded").doesNotHaveDuplicates();
        assertThat(Files.readString(DOC)).as("docs/checks.md is stale: regenerate it with -Dcatalog.write=true")
                .isEqualTo(rendered);
    }
}
