package cloud.consolesensei.iam;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.coverage.CoverageSink;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.price.PriceTable;
import cloud.consolesensei.testkit.Reads;

import java.util.List;
import java.util.Map;

/** Shared fixtures of the IAM tests: one account, a fixed as-of date, default settings. */
final class IamTestSupport {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "999988887777";
    static final AccountTarget TARGET = new AccountTarget(ACCOUNT, "test-account", null, null,
            List.of("us-east-1"), List.of(), null, List.of());
    static final CheckSettings DEFAULTS = CheckSettings.defaults(new IamModule().definitions());

    private IamTestSupport() {
    }

    static CheckContext checkContext() {
        return checkContext(DEFAULTS);
    }

    static CheckContext checkContext(CheckSettings settings) {
        return new CheckContext(ACCOUNT, "test-account", "global", AS_OF, settings,
                new PriceTable(Map.of(), "test", AS_OF));
    }

    /** Default settings with one value changed. */
    static CheckSettings with(String checkId, String name, Object value) {
        return with(DEFAULTS, checkId, name, value);
    }

    /** {@code base} with one value changed. */
    static CheckSettings with(CheckSettings base, String checkId, String name, Object value) {
        Map<String, Map<String, Object>> v = new java.util.HashMap<>(base.values());
        Map<String, Object> m = new java.util.HashMap<>(v.get(checkId));
        m.put(name, value);
        v.put(checkId, m);
        return new CheckSettings(base.disabled(), v);
    }

    /** A date-time cell {@code days} before the as-of date, as the credential report writes it. */
    static String daysAgo(long days) {
        return AS_OF.minusDays(days) + "T10:20:30+00:00";
    }

    static ReadContext readContext(AwsClients clients, CoverageSink sink) {
        return readContext(TARGET, clients, sink);
    }

    static ReadContext readContext(AccountTarget account, AwsClients clients, CoverageSink sink) {
        return Reads.of(account, clients).settings(DEFAULTS).gaps(sink).context();
    }

    /** Reads {@code source} and runs all its checks: what the audit job does for one source. */
    static <R> List<Finding> audit(ResourceSource<R> source, ReadContext ctx) {
        return Reads.audit(source, ctx).findings();
    }

    /** A credential report row under construction; starts as a user with no password and no keys. */
    static final class Row {
        private String user;
        private String arn;
        private String created = daysAgo(1000);
        private String passwordEnabled = "false";
        private String passwordLastUsed = "N/A";
        private String passwordLastChanged = "N/A";
        private String mfa = "false";
        private final String[][] keys = {{"false", "N/A", "N/A"}, {"false", "N/A", "N/A"}};
        private final String[] ids = new String[2];

        static Row user(String name) {
            Row r = new Row();
            r.user = name;
            r.arn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
            return r;
        }

        static Row root() {
            Row r = new Row();
            r.user = CredentialReportRow.ROOT;
            r.arn = "arn:aws:iam::" + ACCOUNT + ":root";
            r.passwordEnabled = "not_supported";
            r.passwordLastChanged = "not_supported";
            r.passwordLastUsed = "no_information";
            return r;
        }

        Row created(String when) {
            created = when;
            return this;
        }

        Row password(String enabled, String lastUsed, String lastChanged) {
            passwordEnabled = enabled;
            passwordLastUsed = lastUsed;
            passwordLastChanged = lastChanged;
            return this;
        }

        Row mfa(boolean on) {
            mfa = String.valueOf(on);
            return this;
        }

        Row key(int slot, boolean active, String lastRotated, String lastUsed) {
            keys[slot - 1] = new String[]{String.valueOf(active), lastRotated, lastUsed};
            return this;
        }

        Row keyId(int slot, String id) {
            ids[slot - 1] = id;
            return this;
        }

        CredentialReportRow build() {
            return new CredentialReportRow(user, arn, ReportDate.parse(created),
                    CredentialReportParser.flag(passwordEnabled), ReportDate.parse(passwordLastUsed),
                    ReportDate.parse(passwordLastChanged), CredentialReportParser.flag(mfa), slot(1), slot(2));
        }

        private AccessKeySlot slot(int n) {
            String[] k = keys[n - 1];
            return new AccessKeySlot(n, CredentialReportParser.flag(k[0]), ReportDate.parse(k[1]),
                    ReportDate.parse(k[2]), null, null, ids[n - 1]);
        }

        /** The row as a credential report CSV line (columns of {@link #HEADER}). */
        String csv() {
            return String.join(",", user, arn, created, passwordEnabled, passwordLastUsed, passwordLastChanged,
                    "N/A", mfa,
                    keys[0][0], keys[0][1], keys[0][2], "N/A", "N/A",
                    keys[1][0], keys[1][1], keys[1][2], "N/A", "N/A",
                    "false", "N/A", "false", "N/A");
        }

        static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                + "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
                + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
                + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    }
}
