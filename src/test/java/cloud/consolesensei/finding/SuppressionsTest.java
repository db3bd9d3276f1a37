package cloud.consolesensei.finding;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.config.ConsoleSenseiProperties.Suppression;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The mute list: check and resource globs, {@code regex:} resources, account scoping, expiry. */
class SuppressionsTest {

    static final LocalDate EXPIRES = LocalDate.of(2026, 11, 21);

    static Finding finding(String account, String check, String resource) {
        return new Finding(account, "us-east-1", "ec2", "EBS volume", resource, check, Severity.HIGH, "t", "d", null);
    }

    @Test
    void checkAndResourceGlobs() {
        Suppressions s = new Suppressions(List.of(new Suppression("ebs.*", "vol-0ab?", null, "lab volumes", null)));
        assertThat(s.reasonFor(finding("123456789012", "ebs.volume_gp2", "vol-0abc"), EXPIRES)).contains("lab volumes");
        assertThat(s.reasonFor(finding("123456789012", "ebs.volume_gp2", "vol-0abcd"), EXPIRES)).isEmpty();
        assertThat(s.reasonFor(finding("123456789012", "ec2.instance_stopped", "vol-0abc"), EXPIRES)).isEmpty();
        // glob metacharacters other than * and ? are literal
        Suppressions dots = new Suppressions(List.of(new Suppression("s3.bucket_public", "logs.example", null, "r", null)));
        assertThat(dots.reasonFor(finding("123456789012", "s3.bucket_public", "logsXexample"), EXPIRES)).isEmpty();
        assertThat(dots.reasonFor(finding("123456789012", "s3.bucket_public", "logs.example"), EXPIRES)).contains("r");
    }

    @Test
    void regexResourceMatchesTheWholeId() {
        Suppressions s = new Suppressions(List.of(new Suppression("ec2.*", "regex:i-0[0-9a-f]{3}", null, "fleet", null)));
        assertThat(s.reasonFor(finding("123456789012", "ec2.x", "i-0a1f"), EXPIRES)).contains("fleet");
        assertThat(s.reasonFor(finding("123456789012", "ec2.x", "i-0a1fz"), EXPIRES)).isEmpty();
        assertThat(s.reasonFor(finding("123456789012", "ec2.x", "xi-0a1f"), EXPIRES)).isEmpty();
    }

    @Test
    void accountScopesTheEntry() {
        Suppressions s = new Suppressions(List.of(new Suppression("*", "*", "210987654321", "theirs", null)));
        assertThat(s.reasonFor(finding("210987654321", "iam.x", "alice"), EXPIRES)).contains("theirs");
        assertThat(s.reasonFor(finding("123456789012", "iam.x", "alice"), EXPIRES)).isEmpty();
    }

    @Test
    void appliesThroughItsExpiryDayThenIsListedAsExpired() {
        Suppression entry = new Suppression("ebs.*", "*", null, "until the migration", EXPIRES);
        Suppressions s = new Suppressions(List.of(entry, new Suppression("iam.*", "*", null, "forever", null)));
        Finding f = finding("123456789012", "ebs.volume_gp2", "vol-1");
        assertThat(s.reasonFor(f, EXPIRES.minusDays(1))).contains("until the migration");
        assertThat(s.reasonFor(f, EXPIRES)).contains("until the migration");
        assertThat(s.reasonFor(f, EXPIRES.plusDays(1))).isEmpty();
        assertThat(s.expired(EXPIRES)).isEmpty();
        assertThat(s.expired(EXPIRES.plusDays(1))).containsExactly(entry);
    }

    @Test
    void firstActiveEntryGivesTheReason() {
        Suppressions s = new Suppressions(List.of(new Suppression("ebs.*", "*", null, "expired one", EXPIRES),
                new Suppression("ebs.volume_gp2", "vol-*", null, "current one", null)));
        assertThat(s.reasonFor(finding("123456789012", "ebs.volume_gp2", "vol-1"), EXPIRES.plusDays(3))).contains("current one");
    }
}
