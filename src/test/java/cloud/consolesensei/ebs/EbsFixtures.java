package cloud.consolesensei.ebs;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;

import cloud.consolesensei.check.CheckContext;

import java.time.ZoneOffset;
import java.util.Set;

import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/** Model builders shared by the EBS check tests. */
final class EbsFixtures {

    static final CheckContext US = ctx("us-east-1");

    static Volume volume(String type, int size, Integer iops, Integer throughput, String state, Boolean encrypted) {
        Volume.Builder b = Volume.builder().volumeId("vol-0123456789abcdef0").volumeType(type).size(size).iops(iops)
                .throughput(throughput).state(state).encrypted(encrypted).availabilityZone("us-east-1a");
        if ("in-use".equals(state)) b.attachments(VolumeAttachment.builder().instanceId("i-0123456789abcdef0").build());
        return b.build();
    }

    static Snapshot snapshot(String id, String volumeId, int ageDays) {
        return Snapshot.builder().snapshotId(id).volumeId(volumeId).volumeSize(200).encrypted(true)
                .startTime(AS_OF.minusDays(ageDays).atTime(23, 59).toInstant(ZoneOffset.UTC)).build();
    }

    /** A snapshot with its facts; the region's snapshot block public access state is {@code unblocked}. */
    static OwnSnapshot own(Snapshot s, Set<String> volumes, Set<String> ami, Set<String> pub) {
        return own(s, volumes, ami, pub, "unblocked");
    }

    /** As above with the region's block public access state ({@code null}: could not be read). */
    static OwnSnapshot own(Snapshot s, Set<String> volumes, Set<String> ami, Set<String> pub, String blockState) {
        return new OwnSnapshot(s, new OwnSnapshot.Facts(volumes, ami, pub, blockState));
    }
}
