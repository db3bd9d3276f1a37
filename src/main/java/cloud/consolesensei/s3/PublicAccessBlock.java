package cloud.consolesensei.s3;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * The four S3 Block Public Access settings, of a bucket ({@code GetPublicAccessBlock}) or of an
 * account (S3 Control {@code GetPublicAccessBlock}); a setting AWS leaves out counts as false.
 * S3 applies the most restrictive combination of the bucket's and the account's settings.
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls,
                                boolean blockPublicPolicy, boolean restrictPublicBuckets) {

    /** All four on. */
    public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);

    /** From the S3 (bucket-level) model. */
    public static PublicAccessBlock of(PublicAccessBlockConfiguration c) {
        return new PublicAccessBlock(on(c.blockPublicAcls()), on(c.ignorePublicAcls()),
                on(c.blockPublicPolicy()), on(c.restrictPublicBuckets()));
    }

    /** From the S3 Control (account-level) model. */
    public static PublicAccessBlock of(software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration c) {
        return new PublicAccessBlock(on(c.blockPublicAcls()), on(c.ignorePublicAcls()),
                on(c.blockPublicPolicy()), on(c.restrictPublicBuckets()));
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    public boolean allOn() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }

    /** Names of the settings that are off, in the API's order. */
    public List<String> settingsOff() {
        List<String> off = new ArrayList<>();
        if (!blockPublicAcls) off.add("BlockPublicAcls");
        if (!ignorePublicAcls) off.add("IgnorePublicAcls");
        if (!blockPublicPolicy) off.add("BlockPublicPolicy");
        if (!restrictPublicBuckets) off.add("RestrictPublicBuckets");
        return off;
    }

    /** "all on", "missing", "unknown" or "off: X, Y" for details and the inventory sheet. */
    public static String describe(Observed<PublicAccessBlock> block) {
        return switch (block.state()) {
            case ABSENT -> "missing";
            case UNKNOWN -> "unknown";
            case PRESENT -> block.value().allOn() ? "all on" : "off: " + String.join(", ", block.value().settingsOff());
        };
    }
}
