package cloud.consolesensei.iam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * Gives the credential report's key slots their access key ids, which the report does not carry.
 * <p>
 * {@code ListAccessKeys} (called only for users with an active key) returns each key's id and
 * CreateDate; the report's {@code access_key_N_last_rotated} is that key's creation time (a key is
 * "rotated" by creating a new one), to the second. So a slot takes the key whose CreateDate equals
 * its last_rotated, to the second; slots left over (a key replaced between the report and the
 * listing) take the remaining keys in CreateDate order, slot 1 first, which is also the order IAM
 * fills the slots in. A slot that holds no key gets no id.
 */
final class AccessKeyIds {

    private AccessKeyIds() {
    }

    /** {@code row} with the ids of {@code keys} set on its slots. */
    static CredentialReportRow assign(CredentialReportRow row, List<AccessKeyMetadata> keys) {
        List<AccessKeyMetadata> left = new ArrayList<>(keys);
        left.sort(Comparator.comparing(AccessKeyMetadata::createDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AccessKeyMetadata::accessKeyId, Comparator.nullsLast(Comparator.naturalOrder())));
        String[] ids = new String[2];
        List<AccessKeySlot> slots = row.keys();
        for (int i = 0; i < 2; i++) {
            Instant rotated = slots.get(i).lastRotated().instant();
            if (rotated == null) continue;
            for (AccessKeyMetadata k : left) {
                if (k.createDate() != null && seconds(k.createDate()).equals(seconds(rotated))) {
                    ids[i] = k.accessKeyId();
                    left.remove(k);
                    break;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            if (ids[i] == null && slots.get(i).exists() && !left.isEmpty()) {
                ids[i] = left.remove(0).accessKeyId();
            }
        }
        return row.withKeyIds(ids[0], ids[1]);
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
