package cloud.consolesensei.iam;

/**
 * CIS Amazon Web Services Foundations Benchmark v3.0.0 recommendation numbers the IAM checks
 * cite, in finding details ({@link #detail}) and in {@code CheckDefinition.references} ({@link #reference}).
 */
final class Cis {

    static final String ROOT_ACCESS_KEY = "1.4";
    static final String ROOT_MFA = "1.5";
    static final String ROOT_USAGE = "1.7";
    static final String PASSWORD_LENGTH = "1.8";
    static final String PASSWORD_REUSE = "1.9";
    static final String CONSOLE_MFA = "1.10";
    static final String UNUSED_CREDENTIALS = "1.12";
    static final String ONE_ACTIVE_KEY = "1.13";
    static final String KEY_ROTATION = "1.14";
    static final String PERMISSIONS_VIA_GROUPS = "1.15";
    static final String NO_FULL_ADMIN_POLICIES = "1.16";

    private Cis() {
    }

    /** Catalog reference, e.g. "CIS AWS Foundations Benchmark v3.0.0, 1.5". */
    static String reference(String number) {
        return "CIS AWS Foundations Benchmark v3.0.0, " + number;
    }

    /** Suffix for a finding's detail, e.g. " (CIS AWS Foundations 1.5)". */
    static String detail(String... numbers) {
        return " (CIS AWS Foundations " + String.join(", ", numbers) + ")";
    }
}
