package cloud.consolesensei.iam;

/** How findings name an access key, with or without its id. */
final class AccessKeyText {

    private AccessKeyText() {
    }

    /**
     * The resource id docs/checks.md gives an access key: its id. When the id could not be read
     * (ListAccessKeys failed: a coverage gap says so), {@code <user>/access_key_<N>} stands in, so
     * the finding is not lost.
     */
    static String resourceId(CredentialReportRow row, AccessKeySlot key) {
        return key.accessKeyId() != null ? key.accessKeyId() : row.user() + "/" + key.column();
    }

    /** "access key AKIA... (slot 1, created ...)" for details. */
    static String describe(AccessKeySlot key) {
        return "access key " + (key.accessKeyId() != null ? key.accessKeyId() + " (slot " + key.slot() + ")"
                : key.slot() + " (id unknown)") + (key.lastRotated().isDate() ? " created " + key.lastRotated().raw() : " of unknown creation date");
    }
}
