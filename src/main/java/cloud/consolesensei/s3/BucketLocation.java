package cloud.consolesensei.s3;

/**
 * Turns a GetBucketLocation LocationConstraint into a region name, as the S3 API reference
 * documents it: an empty or missing constraint means {@code us-east-1}, and the legacy value
 * {@code EU} means {@code eu-west-1}.
 */
public final class BucketLocation {

    private BucketLocation() {
    }

    /** The region of a bucket whose GetBucketLocation answered {@code constraint} (may be null). */
    public static String region(String constraint) {
        if (constraint == null || constraint.isBlank()) return "us-east-1";
        if ("EU".equals(constraint)) return "eu-west-1";
        return constraint;
    }
}
