package cloud.consolesensei.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.iam.IamTestSupport.Row;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;

class CredentialReportParserTest {

    private static final String REPORT = Row.HEADER + "\n"
            + "<root_account>,arn:aws:iam::123456789012:root,2019-03-01T08:00:00+00:00,not_supported,"
            + "2026-11-20T10:20:30+00:00,not_supported,not_supported,false,true,2019-03-02T09:00:00+00:00,N/A,N/A,N/A,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
            + "alice,arn:aws:iam::123456789012:user/alice,2024-05-01T10:20:30+00:00,true,no_information,"
            + "2024-05-01T10:25:00+00:00,N/A,false,true,2024-05-01T10:20:30+00:00,2026-11-01T12:00:00+00:00,"
            + "eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    @Test
    void parsesRootRowMarkersAndDates() {
        List<CredentialReportRow> rows = CredentialReportParser.rows(new StringReader(REPORT), (n, w) -> {
            throw new AssertionError(w);
        }).toList();
        assertThat(rows).hasSize(2);
        CredentialReportRow root = rows.get(0);
        assertThat(root.root()).isTrue();
        assertThat(root.resourceId("123456789012")).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(root.passwordEnabled()).isNull();
        assertThat(root.passwordLastChanged().kind()).isEqualTo(ReportDate.Kind.NOT_SUPPORTED);
        assertThat(root.passwordLastUsed().instant()).isEqualTo(Instant.parse("2026-11-20T10:20:30Z"));
        assertThat(root.mfaActive()).isFalse();
        assertThat(root.key1().isActive()).isTrue();
        assertThat(root.key1().lastUsed().kind()).isEqualTo(ReportDate.Kind.NOT_APPLICABLE);
        assertThat(root.key2().exists()).isFalse();

        CredentialReportRow alice = rows.get(1);
        assertThat(alice.root()).isFalse();
        assertThat(alice.resourceId("123456789012")).isEqualTo("alice");
        assertThat(alice.passwordEnabled()).isTrue();
        assertThat(alice.passwordLastUsed().kind()).isEqualTo(ReportDate.Kind.NO_INFORMATION);
        assertThat(alice.passwordLastUsed().neverUsed()).isTrue();
        assertThat(alice.key1().lastRotated().instant()).isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
        assertThat(alice.key1().lastUsedRegion()).isEqualTo("eu-west-1");
        assertThat(alice.key1().lastUsedService()).isEqualTo("s3");
        assertThat(alice.key2().lastUsedRegion()).isNull();
    }

    @Test
    void markersAndUnknownValuesAreKeptApart() {
        assertThat(ReportDate.parse("N/A").kind()).isEqualTo(ReportDate.Kind.NOT_APPLICABLE);
        assertThat(ReportDate.parse("no_information").kind()).isEqualTo(ReportDate.Kind.NO_INFORMATION);
        assertThat(ReportDate.parse("not_supported").neverUsed()).isFalse();
        assertThat(ReportDate.parse("yesterday").kind()).isEqualTo(ReportDate.Kind.UNREADABLE);
        assertThat(ReportDate.parse("2024-05-01T10:20:30Z").instant()).isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
        assertThat(CredentialReportParser.flag("not_supported")).isNull();
        assertThat(CredentialReportParser.flag("TRUE")).isTrue();
    }

    @Test
    void shortRowsAreReportedAndSkipped() {
        List<String> bad = new ArrayList<>();
        List<CredentialReportRow> rows = CredentialReportParser.rows(new StringReader(REPORT + "bob,arn,true\n"),
                (n, why) -> bad.add(n + ": " + why)).toList();
        assertThat(rows).extracting(CredentialReportRow::user).containsExactly("<root_account>", "alice");
        assertThat(bad).singleElement().asString().startsWith("3: row 3 has 3 values");
    }

    @Test
    void aCsvSyntaxErrorEndsTheRowsWithAReport() {
        List<String> bad = new ArrayList<>();
        List<CredentialReportRow> rows = CredentialReportParser.rows(
                new StringReader(REPORT + "\"bob,arn:aws:iam::123456789012:user/bob\"x,true\n"),
                (n, why) -> bad.add(n + ": " + why)).toList();
        assertThat(rows).hasSize(2);
        assertThat(bad).singleElement().asString().startsWith("3: unreadable CSV");
    }

    @Test
    void aReportWithoutTheNeededColumnsIsRejected() {
        assertThatThrownBy(() -> CredentialReportParser.rows(new StringReader("user,arn\nx,y\n"), (n, w) -> { }))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("mfa_active")
                .satisfies(e -> assertThat(AwsErrorClassifier.classify(e)).isEqualTo(ErrorClass.MALFORMED_RESPONSE));
    }
}
