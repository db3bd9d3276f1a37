package cloud.consolesensei.iam;

/**
 * One of the two access-key slots of a credential report row ({@code access_key_1_*} or
 * {@code access_key_2_*}), plus the key's id, which the report does not carry (see
 * {@link AccessKeyIds}).
 *
 * @param slot            1 or 2
 * @param active          {@code access_key_N_active}; {@code null} when the cell was unreadable
 * @param lastRotated     {@code access_key_N_last_rotated}: when the key was created (keys are rotated by
 *                        creating a new one), {@code N/A} when the slot holds no key
 * @param lastUsed        {@code access_key_N_last_used_date}; {@code N/A} when never used
 * @param lastUsedRegion  {@code access_key_N_last_used_region}, or {@code null} for {@code N/A}
 * @param lastUsedService {@code access_key_N_last_used_service}, or {@code null} for {@code N/A}
 * @param accessKeyId     the key's id from {@code ListAccessKeys}, or {@code null} when not known
 */
public record AccessKeySlot(int slot, Boolean active, ReportDate lastRotated, ReportDate lastUsed,
                            String lastUsedRegion, String lastUsedService, String accessKeyId) {

    /** True when the report says the key is active. */
    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }

    /** True when the slot holds a key (it has a creation date). */
    public boolean exists() {
        return lastRotated.isDate();
    }

    /** This slot with its key id. */
    public AccessKeySlot withAccessKeyId(String id) {
        return new AccessKeySlot(slot, active, lastRotated, lastUsed, lastUsedRegion, lastUsedService, id);
    }

    /** The column prefix the report uses for this slot, e.g. {@code access_key_1}. */
    public String column() {
        return "access_key_" + slot;
    }
}
