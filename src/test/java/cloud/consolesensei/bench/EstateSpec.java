package cloud.consolesensei.bench;

import java.util.List;

/**
 * The size of a synthetic AWS estate, generated deterministically from {@code seed}.
 *
 * @param seed      seed of every pseudo-random attribute (same seed, same estate, same findings)
 * @param accounts  number of member accounts (ids 100000000000 + i), each audited through a role
 * @param regions   regions audited in every account (from {@link #REGIONS}, in order)
 * @param instances EC2 instances per account and region
 * @param volumes   EBS volumes per account and region (the first {@code instances} are attached)
 * @param snapshots own EBS snapshots per account and region
 * @param buckets   S3 buckets per account (spread over the account's regions)
 * @param users     IAM users per account
 * @param roles     IAM roles per account
 * @param months    months of Cost Explorer history (monthly by service, and daily)
 */
public record EstateSpec(long seed, int accounts, int regions, int instances, int volumes, int snapshots,
                         int buckets, int users, int roles, int months) {

    /** Regions handed out in this order. */
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2",
            "eu-central-1", "us-east-2", "ap-northeast-1", "sa-east-1");

    public EstateSpec {
        if (regions < 1 || regions > REGIONS.size()) throw new IllegalArgumentException("regions: 1.." + REGIONS.size());
        if (accounts < 1) throw new IllegalArgumentException("accounts >= 1");
    }

    /** The reference estate: 100 accounts x 3 regions; 500/1,000/2,000 per region; 100/300/300 per account. */
    public static EstateSpec reference() {
        return new EstateSpec(42, 100, 3, 500, 1000, 2000, 100, 300, 300, 6);
    }

    /**
     * A small estate for comparing runs (the usage benchmark): 2 accounts x 2 regions; per region 200
     * instances, 300 volumes, 300 snapshots; per account 10 buckets, 30 users, 30 roles.
     */
    public static EstateSpec small() {
        return new EstateSpec(42, 2, 2, 200, 300, 300, 10, 30, 30, 3);
    }

    /** A few resources of each kind: seconds to audit. */
    public static EstateSpec tiny() {
        return new EstateSpec(7, 2, 2, 12, 20, 30, 4, 6, 5, 6);
    }

    /** The same accounts with {@code factor} times the resources per account and region. */
    public EstateSpec times(int factor) {
        return new EstateSpec(seed, accounts, regions, instances * factor, volumes * factor, snapshots * factor,
                buckets * factor, users * factor, roles * factor, months);
    }

    /** Account id of account {@code i} (0-based). */
    public String accountId(int i) {
        return Long.toString(100_000_000_000L + i);
    }

    /** Account index of a 12-digit id, or -1 when the id is not one of this estate's. */
    public int accountIndex(String id) {
        try {
            long i = Long.parseLong(id) - 100_000_000_000L;
            return i >= 0 && i < accounts ? (int) i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The audited regions. */
    public List<String> regionNames() {
        return REGIONS.subList(0, regions);
    }

    /** Resources (and hence checks' subjects) in the estate: instances, volumes, snapshots, buckets, users, roles. */
    public long resources() {
        return (long) accounts * ((long) regions * (instances + volumes + snapshots) + buckets + users + roles);
    }

    @Override
    public String toString() {
        return accounts + " accounts x " + regions + " regions; per region " + instances + " instances, " + volumes
                + " volumes, " + snapshots + " snapshots; per account " + buckets + " buckets, " + users + " users, "
                + roles + " roles; " + months + " months of costs; seed " + seed;
    }
}
