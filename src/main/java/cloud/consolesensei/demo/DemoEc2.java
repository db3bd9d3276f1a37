package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultRequest;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;
import software.amazon.awssdk.services.ec2.model.GetSnapshotBlockPublicAccessStateRequest;
import software.amazon.awssdk.services.ec2.model.GetSnapshotBlockPublicAccessStateResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * Demo fake of {@link Ec2Client}: answers the operations the EC2 and EBS readers call for the demo
 * estate (DescribeInstances, DescribeAddresses, DescribeSecurityGroups, DescribeVolumes with the
 * {@code attachment.instance-id} filter, DescribeSnapshots honouring OwnerIds and
 * RestorableByUserIds, DescribeImages with Owners, GetEbsEncryptionByDefault). Paginated operations
 * answer in pages of two with a NextToken, so the SDK paginators really page.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 * <p>
 * What fires where: demo-production us-east-1 has every kind of waste (stopped r4 instance with
 * gp2 volumes, IMDSv1 bastion with a public IP, unattached gp3/io1 volumes, old, orphaned and public
 * snapshots, an idle Elastic IP, SSH and all-ports-from-::/0 groups) next to clean resources;
 * eu-west-1 has default encryption off, an IMDSv1 instance without public IP, an RDP group and an
 * unattached unencrypted sc1 volume; usage figures come from {@link DemoCloudWatch}; demo-staging has an instance stopped with no readable date,
 * an all-traffic group, an unattached io2 volume above the 32,000-IOPS tier and an orphaned snapshot.
 * <p>
 * What does not fire, by the sharpened rules: the 200 GiB gp2 volume of the stopped r4 (gp3 with the
 * 250 MiB/s that match it costs more), eu-west-1's instance with IMDSv1 allowed but the metadata
 * endpoint disabled, a snapshot shared with one named account, copied and imported snapshots
 * ({@code vol-ffffffff}) whose source volume is nowhere, and staging us-west-2's snapshot shared
 * with all in a region whose snapshot block public access is {@code block-all-sharing}
 * (production us-east-1 is {@code block-new-sharing}, which leaves its public snapshot public).
 */
final class DemoEc2 {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends Ec2Client, DemoClient {
    }

    private static final int PAGE = 2;
    private static final String FOREIGN_OWNER = "099720109477";
    /** The VolumeId AWS gives copied and imported snapshots. */
    private static final String NO_SOURCE_VOLUME = "vol-ffffffff";

    private DemoEc2() {
    }

    /** The demo resources of one account and region. */
    private record Estate(List<Reservation> reservations, List<Volume> volumes, List<Snapshot> snapshots,
                          Set<String> publicSnapshots, List<Image> images, List<Address> addresses,
                          List<SecurityGroup> groups, boolean encryptionByDefault, String snapshotBlockState) {

        static Estate empty() {
            return new Estate(List.of(), List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), true,
                    "unblocked");
        }
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static Ec2Client client(AccountTarget account, String region, LocalDate asOf) {
        Estate e = estate(account.id(), region, new Dates(asOf));
        return new Fake() {
            @Override
            public DescribeInstancesResponse describeInstances(DescribeInstancesRequest r) {
                DemoPage<Reservation> p = DemoPage.of(e.reservations(), r.nextToken(), PAGE);
                return DescribeInstancesResponse.builder().reservations(p.items()).nextToken(p.nextToken()).build();
            }

            @Override
            public DescribeVolumesResponse describeVolumes(DescribeVolumesRequest r) {
                List<String> attachedTo = filterValues(r.filters(), "attachment.instance-id");
                List<Volume> vols = e.volumes().stream()
                        .filter(v -> attachedTo == null || v.attachments().stream()
                                .anyMatch(a -> attachedTo.contains(a.instanceId())))
                        .toList();
                if (attachedTo != null) return DescribeVolumesResponse.builder().volumes(vols).build();
                DemoPage<Volume> p = DemoPage.of(vols, r.nextToken(), PAGE);
                return DescribeVolumesResponse.builder().volumes(p.items()).nextToken(p.nextToken()).build();
            }

            @Override
            public DescribeSnapshotsResponse describeSnapshots(DescribeSnapshotsRequest r) {
                boolean self = r.ownerIds().contains("self") || r.ownerIds().contains(account.id());
                List<Snapshot> all = new ArrayList<>(self || r.ownerIds().isEmpty() ? e.snapshots() : List.of());
                if (r.ownerIds().isEmpty() || r.ownerIds().contains(FOREIGN_OWNER)) {
                    // What forgetting OwnerIds=self costs: everyone's public snapshots come back too.
                    all.add(Snapshot.builder().snapshotId("snap-0f0f0f0f0f0f0f0f0").ownerId(FOREIGN_OWNER)
                            .volumeId("vol-ffffffff").volumeSize(8).state("completed").encrypted(false)
                            .description("public image snapshot of another account").build());
                }
                if (r.restorableByUserIds().contains("all")) {
                    all.removeIf(s -> !e.publicSnapshots().contains(s.snapshotId())
                            && !FOREIGN_OWNER.equals(s.ownerId()));
                }
                DemoPage<Snapshot> p = DemoPage.of(all, r.nextToken(), PAGE);
                return DescribeSnapshotsResponse.builder().snapshots(p.items()).nextToken(p.nextToken()).build();
            }

            @Override
            public DescribeImagesResponse describeImages(DescribeImagesRequest r) {
                boolean self = r.owners().contains("self") || r.owners().contains(account.id());
                DemoPage<Image> p = DemoPage.of(self ? e.images() : List.of(), r.nextToken(), PAGE);
                return DescribeImagesResponse.builder().images(p.items()).nextToken(p.nextToken()).build();
            }

            @Override
            public DescribeAddressesResponse describeAddresses(DescribeAddressesRequest r) {
                return DescribeAddressesResponse.builder().addresses(e.addresses()).build();
            }

            @Override
            public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest r) {
                DemoPage<SecurityGroup> p = DemoPage.of(e.groups(), r.nextToken(), PAGE);
                return DescribeSecurityGroupsResponse.builder().securityGroups(p.items()).nextToken(p.nextToken()).build();
            }

            @Override
            public GetSnapshotBlockPublicAccessStateResponse getSnapshotBlockPublicAccessState(
                    GetSnapshotBlockPublicAccessStateRequest r) {
                return GetSnapshotBlockPublicAccessStateResponse.builder().state(e.snapshotBlockState())
                        .managedBy("account").build();
            }

            @Override
            public GetEbsEncryptionByDefaultResponse getEbsEncryptionByDefault(GetEbsEncryptionByDefaultRequest r) {
                return GetEbsEncryptionByDefaultResponse.builder().ebsEncryptionByDefault(e.encryptionByDefault())
                        .build();
            }

            /** The account's demo regions, enabled (doctor, {@code all-enabled}). */
            @Override
            public DescribeRegionsResponse describeRegions(
                    DescribeRegionsRequest r) {
                return DescribeRegionsResponse.builder()
                        .regions(account.regions().stream().map(name -> Region.builder()
                                .regionName(name).endpoint("ec2." + name + ".amazonaws.com")
                                .optInStatus("opt-in-not-required").build()).toList())
                        .build();
            }
        };
    }


    private static List<String> filterValues(List<Filter> filters, String name) {
        return filters.stream().filter(f -> name.equals(f.name())).findFirst().map(Filter::values).orElse(null);
    }

    private static Estate estate(String account, String region, Dates d) {
        return switch (account + "/" + region) {
            case "111111111111/us-east-1" -> productionUsEast1(d);
            case "111111111111/eu-west-1" -> productionEuWest1(d);
            case "222222222222/us-east-1" -> stagingUsEast1(d);
            case "222222222222/us-west-2" -> stagingUsWest2(d);
            default -> Estate.empty();
        };
    }

    private static Estate productionUsEast1(Dates d) {
        String az = "us-east-1a";
        List<Reservation> reservations = List.of(
                reservation("r-0a1b2c3d4e5f60001", "111111111111",
                        instance("i-0a1b2c3d4e5f60001", "m6i.large", "running", "", d.daysAgo(400), az, null,
                                "required", tags("Name", "web-1", "Owner", "web-team", "CostCenter", "CC-100")),
                        instance("i-0a1b2c3d4e5f60002", "t2.micro", "running", "", d.daysAgo(900), az,
                                "54.210.10.20", "optional", tags("Name", "bastion", "Owner", "ops"))),
                reservation("r-0a1b2c3d4e5f60002", "111111111111",
                        instance("i-0a1b2c3d4e5f60003", "r4.large", "stopped",
                                "User initiated (" + d.stamp(95) + ")", d.daysAgo(1200), "us-east-1b", null,
                                "required", tags("Name", "reporting-old", "Owner", "bi", "CostCenter", "CC-200"))),
                reservation("r-0a1b2c3d4e5f60003", "111111111111",
                        instance("i-0a1b2c3d4e5f60004", "m4.large", "terminated",
                                "User initiated (" + d.stamp(3) + ")", d.daysAgo(30), az, null, "optional",
                                tags("Name", "already-gone")),
                        instance("i-0a1b2c3d4e5f60005", "c6i.xlarge", "stopped",
                                "User initiated (" + d.stamp(10) + ")", d.daysAgo(60), az, null, "required",
                                tags("Name", "batch-worker", "Owner", "data", "CostCenter", "CC-300"))),
                // usage (CloudWatch, DemoCloudWatch): idle Linux and Windows, an idle Spot, one too new for data
                reservation("r-0a1b2c3d4e5f60004", "111111111111",
                        instance("i-0a1b2c3d4e5f60006", "m5.xlarge", "running", "", d.daysAgo(300), az, null,
                                "required", tags("Name", "report-cache", "Owner", "bi", "CostCenter", "CC-200")),
                        with(instance("i-0a1b2c3d4e5f60007", "t3.large", "running", "", d.daysAgo(200), az, null,
                                "required", tags("Name", "win-build", "Owner", "build", "CostCenter", "CC-400")),
                                b -> b.platformDetails("Windows").platform("windows")),
                        with(instance("i-0a1b2c3d4e5f60008", "c6i.large", "running", "", d.daysAgo(40), az, null,
                                "required", tags("Name", "spot-renderer", "Owner", "media", "CostCenter", "CC-500")),
                                b -> b.instanceLifecycle("spot").spotInstanceRequestId("sir-0a1b2c3d4e5f6")),
                        instance("i-0a1b2c3d4e5f60009", "t3.small", "running", "", d.daysAgo(0), az, null,
                                "required", tags("Name", "canary", "Owner", "web-team", "CostCenter", "CC-100"))));
        List<Volume> volumes = withWeeklyChurn(d, az, List.of(
                volume("vol-0a1b2c3d4e5f60001", "gp3", 8, 3000, 125, "in-use", true, az, d.daysAgo(400),
                        "i-0a1b2c3d4e5f60001"),
                volume("vol-0a1b2c3d4e5f60002", "gp2", 8, 100, null, "in-use", false, az, d.daysAgo(900),
                        "i-0a1b2c3d4e5f60002"),
                volume("vol-0a1b2c3d4e5f60003", "gp2", 200, 600, null, "in-use", true, "us-east-1b",
                        d.daysAgo(1200), "i-0a1b2c3d4e5f60003"),
                volume("vol-0a1b2c3d4e5f60004", "gp3", 50, 3000, 125, "in-use", true, "us-east-1b",
                        d.daysAgo(1200), "i-0a1b2c3d4e5f60003"),
                volume("vol-0a1b2c3d4e5f60005", "gp3", 500, 6000, 250, "available", true, az, d.daysAgo(70), null),
                volume("vol-0a1b2c3d4e5f60006", "io1", 100, 5000, null, "available", true, az, d.daysAgo(45), null),
                volume("vol-0a1b2c3d4e5f60007", "gp2", 2000, 6000, null, "in-use", true, az, d.daysAgo(60),
                        "i-0a1b2c3d4e5f60005"),
                volume("vol-0a1b2c3d4e5f60008", "gp3", 20, 3000, 125, "deleting", false, az, d.daysAgo(2), null),
                volume("vol-0a1b2c3d4e5f60009", "st1", 500, 500, null, "in-use", true, az, d.daysAgo(400),
                        "i-0a1b2c3d4e5f60001"),
                // usage: the idle instances' disks (one with no I/O at all), the Spot's, the canary's (no data yet)
                volume("vol-0a1b2c3d4e5f6000a", "gp3", 100, 3000, 125, "in-use", true, az, d.daysAgo(300),
                        "i-0a1b2c3d4e5f60006"),
                volume("vol-0a1b2c3d4e5f6000b", "gp3", 500, 3000, 125, "in-use", true, az, d.daysAgo(200),
                        "i-0a1b2c3d4e5f60006"),
                volume("vol-0a1b2c3d4e5f6000c", "gp3", 50, 3000, 125, "in-use", true, az, d.daysAgo(200),
                        "i-0a1b2c3d4e5f60007"),
                volume("vol-0a1b2c3d4e5f6000d", "gp3", 8, 3000, 125, "in-use", true, az, d.daysAgo(0),
                        "i-0a1b2c3d4e5f60009")));
        List<Snapshot> snapshots = List.of(
                snapshot("snap-0a1b2c3d4e5f60001", "111111111111", "vol-0a1b2c3d4e5f60001", 8, d.daysAgo(10), true,
                        "nightly web-1"),
                snapshot("snap-0a1b2c3d4e5f60002", "111111111111", "vol-0a1b2c3d4e5f60003", 200, d.daysAgo(200),
                        true, "reporting before upgrade"),
                snapshot("snap-0a1b2c3d4e5f60003", "111111111111", "vol-0dead0000000000a1", 100, d.daysAgo(30),
                        true, "migration leftover"),
                snapshot("snap-0a1b2c3d4e5f60004", "111111111111", "vol-0dead0000000000a2", 30, d.daysAgo(400),
                        true, "Created by CreateImage for ami-0a1b2c3d4e5f60001"),
                snapshot("snap-0a1b2c3d4e5f60005", "111111111111", "vol-0a1b2c3d4e5f60001", 8, d.daysAgo(5), false,
                        "shared with a partner by mistake"),
                snapshot("snap-0a1b2c3d4e5f60006", "111111111111", "vol-0a1b2c3d4e5f60001", 8, d.daysAgo(6), true,
                        "shared with the backup account 444455556666 only"),
                snapshot("snap-0a1b2c3d4e5f60007", "111111111111", NO_SOURCE_VOLUME, 8, d.daysAgo(200), true,
                        "[Copied snap-0d1b2c3d4e5f60009 from us-west-2]"));
        List<Image> images = List.of(image("ami-0a1b2c3d4e5f60001", "golden-base-2024", "snap-0a1b2c3d4e5f60004"));
        List<Address> addresses = List.of(
                Address.builder().allocationId("eipalloc-0a1b2c3d4e5f60001").publicIp("54.210.10.20")
                        .associationId("eipassoc-0a1b2c3d4e5f60001").instanceId("i-0a1b2c3d4e5f60002")
                        .networkInterfaceId("eni-0a1b2c3d4e5f60001").privateIpAddress("10.0.1.20").domain("vpc")
                        .tags(tags("Name", "bastion-ip")).build(),
                Address.builder().allocationId("eipalloc-0a1b2c3d4e5f60002").publicIp("3.210.44.7").domain("vpc")
                        .tags(tags("Name", "old-nat-ip")).build());
        List<SecurityGroup> groups = List.of(
                group("sg-0a1b2c3d4e5f60001", "web", rule("tcp", 443, 443, "0.0.0.0/0", null),
                        rule("tcp", 22, 22, "10.0.0.0/8", null)),
                group("sg-0a1b2c3d4e5f60002", "bastion-ssh", rule("tcp", 22, 22, "0.0.0.0/0", null)),
                group("sg-0a1b2c3d4e5f60003", "debug-wide-open", rule("tcp", 0, 65535, null, "::/0")),
                group("sg-0a1b2c3d4e5f60004", "default", IpPermission.builder().ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId("sg-0a1b2c3d4e5f60004").build()).build()));
        return new Estate(reservations, volumes, snapshots, Set.of("snap-0a1b2c3d4e5f60005"), images, addresses,
                groups, true, "block-new-sharing");
    }

    private static Estate productionEuWest1(Dates d) {
        String az = "eu-west-1a";
        List<Reservation> reservations = List.of(
                reservation("r-0b1b2c3d4e5f60001", "111111111111",
                        instance("i-0b1b2c3d4e5f60001", "m7g.large", "running", "", d.daysAgo(100), az, null,
                                "optional", tags("Name", "api-eu", "Owner", "api", "CostCenter", "CC-110")),
                        instance("i-0b1b2c3d4e5f60002", "m7g.large", "running", "", d.daysAgo(100), az, null,
                                "required", tags("Name", "api-eu-2", "Owner", "api", "CostCenter", "CC-110")),
                        // IMDSv1 allowed, but the metadata endpoint is off: nothing answers, nothing exposed
                        instance("i-0b1b2c3d4e5f60004", "m7g.large", "running", "", d.daysAgo(100), az, "52.16.4.4",
                                "optional", tags("Name", "api-eu-4", "Owner", "api", "CostCenter", "CC-110"))
                                .toBuilder().metadataOptions(InstanceMetadataOptionsResponse.builder()
                                        .httpTokens("optional").httpEndpoint("disabled").state("applied").build())
                                .build()),
                reservation("r-0b1b2c3d4e5f60002", "111111111111",
                        instance("i-0b1b2c3d4e5f60003", "t3.small", "pending", "", d.daysAgo(0), az, null,
                                "required", tags("Name", "api-eu-3", "Owner", "api", "CostCenter", "CC-110"))));
        List<Volume> volumes = List.of(
                volume("vol-0b1b2c3d4e5f60001", "gp3", 30, 3000, 125, "in-use", true, az, d.daysAgo(100),
                        "i-0b1b2c3d4e5f60001"),
                volume("vol-0b1b2c3d4e5f60002", "sc1", 1000, null, null, "available", false, az, d.daysAgo(300),
                        null),
                volume("vol-0b1b2c3d4e5f60003", "gp3", 30, 3000, 125, "in-use", true, az, d.daysAgo(100),
                        "i-0b1b2c3d4e5f60002"));
        List<Snapshot> snapshots = List.of(
                snapshot("snap-0b1b2c3d4e5f60001", "111111111111", "vol-0b1b2c3d4e5f60001", 30, d.daysAgo(1), true,
                        "nightly api-eu"));
        List<SecurityGroup> groups = List.of(
                group("sg-0b1b2c3d4e5f60001", "windows-jump", rule("tcp", 3389, 3389, "0.0.0.0/0", null)),
                group("sg-0b1b2c3d4e5f60002", "api", rule("tcp", 443, 443, "0.0.0.0/0", "::/0")));
        return new Estate(reservations, volumes, snapshots, Set.of(), List.of(), List.of(), groups, false, "unblocked");
    }

    private static Estate stagingUsEast1(Dates d) {
        String az = "us-east-1c";
        List<Reservation> reservations = List.of(
                reservation("r-0c1b2c3d4e5f60001", "222222222222",
                        instance("i-0c1b2c3d4e5f60001", "t3.medium", "running", "", d.daysAgo(50), az, null,
                                "required", tags("Name", "staging-app", "Owner", "app", "CostCenter", "CC-900")),
                        instance("i-0c1b2c3d4e5f60002", "m3.medium", "stopped", "", d.daysAgo(2000), az, null,
                                "optional", tags("Name", "legacy-test", "Owner", "qa", "CostCenter", "CC-900"))));
        List<Volume> volumes = List.of(
                volume("vol-0c1b2c3d4e5f60001", "gp3", 20, 3000, 125, "in-use", true, az, d.daysAgo(50),
                        "i-0c1b2c3d4e5f60001"),
                volume("vol-0c1b2c3d4e5f60002", "standard", 30, null, null, "in-use", false, az, d.daysAgo(2000),
                        "i-0c1b2c3d4e5f60002"));
        List<Snapshot> snapshots = List.of(
                snapshot("snap-0c1b2c3d4e5f60001", "222222222222", "vol-0c1b2c3d4e5f60001", 20, d.daysAgo(3), true,
                        "pre-deploy"));
        List<Address> addresses = List.of(Address.builder().allocationId("eipalloc-0c1b2c3d4e5f60001")
                .publicIp("44.200.1.9").domain("vpc").build());
        List<SecurityGroup> groups = List.of(
                group("sg-0c1b2c3d4e5f60001", "allow-all-v6", rule("-1", null, null, null, "::/0")),
                group("sg-0c1b2c3d4e5f60002", "app", rule("tcp", 8080, 8080, "10.1.0.0/16", null)));
        return new Estate(reservations, volumes, snapshots, Set.of(), List.of(), addresses, groups, false, "unblocked");
    }

    private static Estate stagingUsWest2(Dates d) {
        String az = "us-west-2a";
        List<Reservation> reservations = List.of(
                reservation("r-0d1b2c3d4e5f60001", "222222222222",
                        instance("i-0d1b2c3d4e5f60001", "t4g.small", "running", "", d.daysAgo(20), az, "35.90.1.2",
                                "optional", tags("Name", "edge-proxy"))));
        List<Volume> volumes = List.of(
                volume("vol-0d1b2c3d4e5f60001", "gp3", 16, 3000, 125, "in-use", true, az, d.daysAgo(20),
                        "i-0d1b2c3d4e5f60001"),
                volume("vol-0d1b2c3d4e5f60002", "io2", 400, 40000, null, "available", true, az, d.daysAgo(15), null));
        List<Snapshot> snapshots = List.of(
                snapshot("snap-0d1b2c3d4e5f60001", "222222222222", "vol-0dead0000000000d1", 64, d.daysAgo(150), true,
                        "load test data"),
                snapshot("snap-0d1b2c3d4e5f60002", "222222222222", "vol-0d1b2c3d4e5f60001", 16, d.daysAgo(12), true,
                        "public once, private since the region blocks all sharing"),
                snapshot("snap-0d1b2c3d4e5f60003", "222222222222", NO_SOURCE_VOLUME, 16, d.daysAgo(40), true,
                        "imported by ImportSnapshot (import-snap-0d1b2c3d4e5f60003)"));
        List<SecurityGroup> groups = List.of(
                group("sg-0d1b2c3d4e5f60001", "proxy", rule("tcp", 443, 443, "0.0.0.0/0", null)));
        return new Estate(reservations, volumes, snapshots, Set.of("snap-0d1b2c3d4e5f60002"), List.of(), List.of(),
                groups, true, "block-all-sharing");
    }

    /** As-of relative timestamps. */
    private record Dates(LocalDate asOf) {
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'GMT'");

        Instant daysAgo(int days) {
            return asOf.minusDays(days).atTime(9, 30).toInstant(ZoneOffset.UTC);
        }

        /** A StateTransitionReason time stamp, {@code days} before the as-of date. */
        String stamp(int days) {
            return asOf.minusDays(days).atTime(14, 2, 11).format(STAMP);
        }
    }

    private static List<Tag> tags(String... kv) {
        List<Tag> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) out.add(Tag.builder().key(kv[i]).value(kv[i + 1]).build());
        return out;
    }

    private static Reservation reservation(String id, String owner, Instance... instances) {
        return Reservation.builder().reservationId(id).ownerId(owner).instances(instances).build();
    }

    private static Instance instance(String id, String type, String state, String reason, Instant launched,
                                     String az, String publicIp, String httpTokens, List<Tag> tags) {
        int code = switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
        return Instance.builder().instanceId(id).instanceType(type)
                .state(InstanceState.builder().name(state).code(code).build()).stateTransitionReason(reason)
                .launchTime(launched).placement(Placement.builder().availabilityZone(az).tenancy("default").build())
                .publicIpAddress(publicIp).privateIpAddress("10.0." + (id.hashCode() & 0xff) + ".10")
                .vpcId("vpc-0123456789abcdef0").platformDetails("Linux/UNIX")
                .metadataOptions(InstanceMetadataOptionsResponse.builder().httpTokens(httpTokens)
                        .httpEndpoint("enabled").state("applied").build())
                .tags(tags).build();
    }

    private static Instance with(Instance i, Consumer<Instance.Builder> change) {
        Instance.Builder b = i.toBuilder();
        change.accept(b);
        return b.build();
    }

    /**
     * The estate changes from week to week, so two demo runs a week apart show history: in even
     * weeks (epoch day / 7) a left-over gp2 volume exists, in odd weeks another one does; a run a
     * week after another shows one RESOLVED and one NEW finding of each kind.
     */
    private static List<Volume> withWeeklyChurn(Dates d, String az, List<Volume> volumes) {
        List<Volume> out = new ArrayList<>(volumes);
        boolean even = (d.asOf().toEpochDay() / 7) % 2 == 0;
        out.add(volume(even ? "vol-0a1b2c3d4e5f600e0" : "vol-0a1b2c3d4e5f600d0", "gp2", 120, 360, null, "available",
                false, az, d.daysAgo(3), null));
        return List.copyOf(out);
    }

    private static Volume volume(String id, String type, int size, Integer iops, Integer throughput, String state,
                                 boolean encrypted, String az, Instant created, String instanceId) {
        Volume.Builder b = Volume.builder().volumeId(id).volumeType(type).size(size).iops(iops).throughput(throughput)
                .state(state).encrypted(encrypted).availabilityZone(az).createTime(created)
                .tags(tags("Name", id.substring(id.length() - 5)));
        if (instanceId != null) {
            b.attachments(VolumeAttachment.builder().volumeId(id).instanceId(instanceId).device("/dev/xvda")
                    .state("attached").attachTime(created).deleteOnTermination(true).build());
        }
        return b.build();
    }

    private static Snapshot snapshot(String id, String owner, String volumeId, int size, Instant started,
                                     boolean encrypted, String description) {
        return Snapshot.builder().snapshotId(id).ownerId(owner).volumeId(volumeId).volumeSize(size).startTime(started)
                .state("completed").progress("100%").encrypted(encrypted).description(description).build();
    }

    private static Image image(String id, String name, String... snapshotIds) {
        return Image.builder().imageId(id).name(name).state("available")
                .blockDeviceMappings(Arrays.stream(snapshotIds).map(s -> BlockDeviceMapping.builder()
                        .deviceName("/dev/xvda").ebs(EbsBlockDevice.builder().snapshotId(s).build()).build())
                        .collect(Collectors.toList()))
                .build();
    }

    private static SecurityGroup group(String id, String name, IpPermission... inbound) {
        return SecurityGroup.builder().groupId(id).groupName(name).description(name + " group")
                .vpcId("vpc-0123456789abcdef0").ipPermissions(inbound)
                .ipPermissionsEgress(rule("-1", null, null, "0.0.0.0/0", null)).build();
    }

    private static IpPermission rule(String protocol, Integer from, Integer to, String cidr4, String cidr6) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to);
        if (cidr4 != null) b.ipRanges(IpRange.builder().cidrIp(cidr4).build());
        if (cidr6 != null) b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(cidr6).build());
        return b.build();
    }
}
