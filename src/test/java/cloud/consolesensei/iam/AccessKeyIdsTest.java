package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.iam.IamTestSupport.Row;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

class AccessKeyIdsTest {

    private static AccessKeyMetadata key(String id, String created) {
        return AccessKeyMetadata.builder().accessKeyId(id).status(StatusType.ACTIVE)
                .createDate(OffsetDateTime.parse(created).toInstant()).build();
    }

    @Test
    void slotsTakeTheKeyCreatedAtTheirLastRotatedSecond() {
        // ListAccessKeys order does not follow the slots: the match is by creation time.
        CredentialReportRow row = Row.user("u").key(1, true, daysAgo(10), "N/A").key(2, true, daysAgo(200), "N/A").build();
        CredentialReportRow withIds = AccessKeyIds.assign(row, List.of(key("AKIAOLD", daysAgo(200)),
                key("AKIANEW", daysAgo(10))));
        assertThat(withIds.key1().accessKeyId()).isEqualTo("AKIANEW");
        assertThat(withIds.key2().accessKeyId()).isEqualTo("AKIAOLD");
    }

    @Test
    void unmatchedSlotsTakeTheRemainingKeysInCreationOrder() {
        CredentialReportRow row = Row.user("u").key(1, true, daysAgo(30), "N/A").key(2, false, daysAgo(20), "N/A").build();
        CredentialReportRow withIds = AccessKeyIds.assign(row, List.of(key("AKIAB", daysAgo(5)), key("AKIAA", daysAgo(6))));
        assertThat(withIds.key1().accessKeyId()).isEqualTo("AKIAA");
        assertThat(withIds.key2().accessKeyId()).isEqualTo("AKIAB");
    }

    @Test
    void anEmptySlotGetsNoId() {
        CredentialReportRow row = Row.user("u").key(1, true, daysAgo(30), "N/A").build();
        CredentialReportRow withIds = AccessKeyIds.assign(row, List.of(key("AKIAONE", daysAgo(30))));
        assertThat(withIds.key1().accessKeyId()).isEqualTo("AKIAONE");
        assertThat(withIds.key2().accessKeyId()).isNull();
    }
}
