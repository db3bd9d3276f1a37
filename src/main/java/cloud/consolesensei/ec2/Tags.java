package cloud.consolesensei.ec2;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.ec2.model.Tag;

/** Helpers for EC2 resource tags (instances, volumes, snapshots share the EC2 {@link Tag} model). */
public final class Tags {

    private Tags() {
    }

    /** The value of tag {@code key} (case-sensitive, as EC2 keys are), or {@code null}. */
    public static String value(List<Tag> tags, String key) {
        if (tags == null) return null;
        return tags.stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }

    /** The {@code Name} tag, or {@code null}. */
    public static String name(List<Tag> tags) {
        return value(tags, "Name");
    }

    /** All tags as {@code key=value; key=value}, sorted by key, for inventory cells. */
    public static String asText(List<Tag> tags) {
        if (tags == null) return "";
        return tags.stream().sorted(Comparator.comparing(Tag::key))
                .map(t -> t.key() + "=" + (t.value() == null ? "" : t.value()))
                .collect(Collectors.joining("; "));
    }
}
