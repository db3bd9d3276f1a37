package cloud.consolesensei.s3;

import static cloud.consolesensei.s3.Buckets.block;
import static cloud.consolesensei.s3.Buckets.groupGrant;
import static cloud.consolesensei.s3.Buckets.ownerGrant;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class S3ChecksTest {

    private static final String ACCOUNT = "111111111111";
    private static final CheckContext CTX = TestReads.checkContext(ACCOUNT, Finding.GLOBAL);
    private static final Observed<PublicAccessBlock> NONE = Observed.absent();
    private static final Observed<PublicAccessBlock> UNKNOWN = Observed.unknown();
    private static final Observed<PublicAccessBlock> ALL_ON = Observed.present(PublicAccessBlock.ALL_ON);

    private static boolean fires(BucketCheck check, Buckets b) {
        return !check.evaluate(b.build(), CTX).isEmpty();
    }

    @Test
    void cleanBucketPassesEveryCheck() {
        S3Bucket clean = Buckets.clean().build();
        for (var check : new S3BucketSource().checks()) {
            assertThat(check.evaluate(clean, CTX)).as(check.definition().id()).isEmpty();
        }
    }

    @Test
    void bucketChecksIgnoreTheAccountItemAndTheAccountCheckIgnoresBuckets() {
        S3Account account = new S3Account(ACCOUNT, NONE);
        new S3BucketSource().checks().stream().filter(c -> c instanceof BucketCheck)
                .forEach(c -> assertThat(c.evaluate(account, CTX)).isEmpty());
        S3Bucket exposed = Buckets.clean().blocks(NONE, NONE).policyPublic(Observed.present(true)).build();
        assertThat(new AccountPublicAccessBlockOffCheck().evaluate(exposed, CTX)).isEmpty();
    }

    @Nested
    class BucketPublic {
        private final BucketPublicCheck check = new BucketPublicCheck();

        private Buckets publicPolicy() {
            return Buckets.clean().blocks(NONE, NONE).policyPublic(Observed.present(true));
        }

        private Buckets publicAcl(String group) {
            return Buckets.clean().blocks(NONE, NONE).acl(Observed.present(List.of(ownerGrant(), groupGrant(group))))
                    .ownership(Observed.present("ObjectWriter"));
        }

        @Test
        void publicPolicyWithNoBlockFiresWithTheBucketsRegionAndName() {
            List<Finding> f = check.evaluate(publicPolicy().region("ap-southeast-2", List.of()).build(), CTX);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("s3.bucket_public");
                assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(x.resourceId()).isEqualTo("b");
                assertThat(x.region()).isEqualTo("ap-southeast-2");
                assertThat(x.accountId()).isEqualTo(ACCOUNT);
                assertThat(x.service()).isEqualTo("s3");
                assertThat(x.detail()).contains("bucket policy is public").doesNotContain("ACL");
            });
        }

        @Test
        void restrictPublicBucketsOfBucketOrAccountNeutralisesAPublicPolicy() {
            assertThat(fires(check, publicPolicy().blocks(block(false, false, false, true), NONE))).isFalse();
            assertThat(fires(check, publicPolicy().blocks(NONE, block(false, false, false, true)))).isFalse();
            assertThat(fires(check, publicPolicy().blocks(block(true, true, true, false), block(true, true, true, false))))
                    .isTrue();
        }

        @Test
        void policyNotPublicOrAbsentDoesNotFire() {
            assertThat(fires(check, publicPolicy().policyPublic(Observed.present(false)))).isFalse();
            assertThat(fires(check, publicPolicy().policyPublic(Observed.absent()))).isFalse();
        }

        @Test
        void unreadableAccountBlockSilencesAPublicPolicyUnlessTheBucketRestricts() {
            assertThat(fires(check, publicPolicy().blocks(NONE, UNKNOWN))).isFalse();
            assertThat(fires(check, publicPolicy().blocks(UNKNOWN, NONE))).isFalse();
            assertThat(fires(check, publicPolicy().policyPublic(Observed.unknown()))).isFalse();
        }

        @Test
        void aclGrantToAllUsersOrAuthenticatedUsersFires() {
            assertThat(check.evaluate(publicAcl("AllUsers").build(), CTX)).singleElement()
                    .satisfies(x -> assertThat(x.detail()).contains("READ to AllUsers"));
            assertThat(fires(check, publicAcl("AuthenticatedUsers"))).isTrue();
            assertThat(fires(check, publicAcl("AllUsers").ownership(Observed.absent()))).isTrue();
        }

        @Test
        void aclGrantToOtherGroupsOrAccountsDoesNotFire() {
            assertThat(fires(check, publicAcl("s3/LogDelivery"))).isFalse();
            assertThat(fires(check, publicAcl("AllUsers").acl(Observed.present(List.of(ownerGrant()))))).isFalse();
        }

        @Test
        void bucketOwnerEnforcedMeansAclsGrantNothing() {
            assertThat(fires(check, publicAcl("AllUsers").ownership(Observed.present("BucketOwnerEnforced")))).isFalse();
            assertThat(fires(check, publicAcl("AllUsers").ownership(Observed.present("BucketOwnerPreferred")))).isTrue();
        }

        @Test
        void ignorePublicAclsOfBucketOrAccountNeutralisesAPublicAcl() {
            assertThat(fires(check, publicAcl("AllUsers").blocks(block(false, true, false, false), NONE))).isFalse();
            assertThat(fires(check, publicAcl("AllUsers").blocks(NONE, block(false, true, false, false)))).isFalse();
            assertThat(fires(check, publicAcl("AllUsers").blocks(block(true, false, true, true), NONE))).isTrue();
        }

        @Test
        void unknownOwnershipOrAclSaysNothingButAKnownPublicPathStillFires() {
            assertThat(fires(check, publicAcl("AllUsers").ownership(Observed.unknown()))).isFalse();
            assertThat(fires(check, publicAcl("AllUsers").acl(Observed.unknown()))).isFalse();
            assertThat(fires(check, publicAcl("AllUsers").policyPublic(Observed.unknown()))).isTrue();
            assertThat(fires(check, publicPolicy().acl(Observed.unknown()))).isTrue();
        }

        @Test
        void bothPathsAreNamedWhenBothAreOpen() {
            List<Finding> f = check.evaluate(publicAcl("AllUsers").policyPublic(Observed.present(true)).build(), CTX);
            assertThat(f).singleElement().satisfies(x ->
                    assertThat(x.detail()).contains("bucket policy is public").contains("ACL grants READ to AllUsers"));
        }
    }

    @Nested
    class AccountBlock {
        private final AccountPublicAccessBlockOffCheck check = new AccountPublicAccessBlockOffCheck();

        private List<Finding> eval(Observed<PublicAccessBlock> block) {
            return check.evaluate(new S3Account(ACCOUNT, block), CTX);
        }

        @Test
        void missingBlockFiresAsAnAccountLevelFinding() {
            assertThat(eval(NONE)).singleElement().satisfies(f -> {
                assertThat(f.checkId()).isEqualTo("s3.account_public_access_block_off");
                assertThat(f.resourceId()).isEqualTo(ACCOUNT);
                assertThat(f.region()).isEqualTo("global");
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.detail()).contains("NoSuchPublicAccessBlockConfiguration");
            });
        }

        @Test
        void anySettingOffFiresAndNamesIt() {
            assertThat(eval(block(true, true, true, false))).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("RestrictPublicBuckets").doesNotContain("BlockPublicAcls"));
            assertThat(eval(block(false, true, true, true))).hasSize(1);
            assertThat(eval(block(false, false, false, false))).hasSize(1);
        }

        @Test
        void allOnOrUnknownDoesNotFire() {
            assertThat(eval(ALL_ON)).isEmpty();
            assertThat(eval(UNKNOWN)).isEmpty();
        }
    }

    @Nested
    class BucketBlock {
        private final BucketPublicAccessBlockOffCheck check = new BucketPublicAccessBlockOffCheck();

        @Test
        void missingBucketBlockUnderAFullyOnAccountBlockIsNotAFinding() {
            assertThat(fires(check, Buckets.clean().blocks(NONE, ALL_ON))).isFalse();
            assertThat(fires(check, Buckets.clean().blocks(block(false, false, false, false), ALL_ON))).isFalse();
            assertThat(fires(check, Buckets.clean().blocks(UNKNOWN, ALL_ON))).isFalse();
        }

        @Test
        void fullyOnBucketBlockCoversAMissingAccountBlock() {
            assertThat(fires(check, Buckets.clean().blocks(ALL_ON, NONE))).isFalse();
            assertThat(fires(check, Buckets.clean().blocks(ALL_ON, UNKNOWN))).isFalse();
        }

        @Test
        void neitherFullyOnFires() {
            List<Finding> f = check.evaluate(Buckets.clean().blocks(block(true, true, true, false), NONE).build(), CTX);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.detail()).isEqualTo("Bucket public access block: off: RestrictPublicBuckets; account public access block: missing.");
            });
            assertThat(fires(check, Buckets.clean().blocks(NONE, NONE))).isTrue();
            assertThat(fires(check, Buckets.clean().blocks(block(true, true, false, true), block(true, true, true, false)))).isTrue();
        }

        @Test
        void unknownIsNotOff() {
            assertThat(fires(check, Buckets.clean().blocks(NONE, UNKNOWN))).isFalse();
            assertThat(fires(check, Buckets.clean().blocks(UNKNOWN, NONE))).isFalse();
        }
    }

    @Nested
    class Ssl {
        private final BucketSslNotEnforcedCheck check = new BucketSslNotEnforcedCheck();

        @Test
        void tlsDenyStatementPasses() {
            assertThat(fires(check, Buckets.clean())).isFalse();
        }

        @Test
        void noPolicyFires() {
            assertThat(check.evaluate(Buckets.clean().policy(Observed.absent()).build(), CTX)).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("no bucket policy"));
        }

        @Test
        void policyWithoutTheDenyFires() {
            String allowOnly = """
                    {"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""";
            assertThat(fires(check, Buckets.clean().policy(Observed.present(allowOnly)))).isTrue();
        }

        @Test
        void unreadableOrUnparseablePolicySaysNothing() {
            assertThat(fires(check, Buckets.clean().policy(Observed.unknown()))).isFalse();
            assertThat(fires(check, Buckets.clean().policy(Observed.present("{not json")))).isFalse();
        }
    }

    @Nested
    class Versioning {
        private final BucketVersioningDisabledCheck check = new BucketVersioningDisabledCheck();

        @Test
        void onlyEnabledPasses() {
            assertThat(fires(check, Buckets.clean())).isFalse();
            assertThat(check.evaluate(Buckets.clean().versioning(Observed.present("Suspended")).build(), CTX))
                    .singleElement().satisfies(f -> {
                        assertThat(f.detail()).contains("Suspended");
                        assertThat(f.severity()).isEqualTo(Severity.LOW);
                    });
            assertThat(check.evaluate(Buckets.clean().versioning(Observed.absent()).build(), CTX))
                    .singleElement().satisfies(f -> assertThat(f.detail()).contains("never been enabled"));
        }

        @Test
        void unknownSaysNothing() {
            assertThat(fires(check, Buckets.clean().versioning(Observed.unknown()))).isFalse();
        }
    }

    @Nested
    class Lifecycle {
        private final BucketNoLifecycleCheck check = new BucketNoLifecycleCheck();

        @Test
        void absentFiresPresentOrUnknownDoesNot() {
            assertThat(fires(check, Buckets.clean().lifecycle(Observed.absent()))).isTrue();
            assertThat(fires(check, Buckets.clean())).isFalse();
            assertThat(fires(check, Buckets.clean().lifecycle(Observed.unknown()))).isFalse();
        }
    }

    @Nested
    class AllowedRegions {
        private final BucketOutsideAllowedRegionsCheck check = new BucketOutsideAllowedRegionsCheck();

        @Test
        void onlyWhenConfiguredAndOutside() {
            assertThat(fires(check, Buckets.clean().region("ap-southeast-2", List.of()))).isFalse();
            assertThat(fires(check, Buckets.clean().region("eu-west-1", List.of("us-east-1", "eu-west-1")))).isFalse();
            assertThat(check.evaluate(Buckets.clean().region("ap-southeast-2", List.of("us-east-1", "eu-west-1")).build(), CTX))
                    .singleElement().satisfies(f -> {
                        assertThat(f.region()).isEqualTo("ap-southeast-2");
                        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                        assertThat(f.detail()).isEqualTo("Bucket b is in ap-southeast-2; allowed regions: us-east-1, eu-west-1.");
                    });
        }
    }

    @Test
    void bucketLocationNormalisesEmptyAndLegacyEu() {
        assertThat(BucketLocation.region(null)).isEqualTo("us-east-1");
        assertThat(BucketLocation.region("")).isEqualTo("us-east-1");
        assertThat(BucketLocation.region("EU")).isEqualTo("eu-west-1");
        assertThat(BucketLocation.region("eu-west-1")).isEqualTo("eu-west-1");
        assertThat(BucketLocation.region("ap-southeast-2")).isEqualTo("ap-southeast-2");
    }

    @Test
    void triFollowsKleeneLogic() {
        assertThat(Tri.UNKNOWN.and(Tri.FALSE)).isEqualTo(Tri.FALSE);
        assertThat(Tri.UNKNOWN.and(Tri.TRUE)).isEqualTo(Tri.UNKNOWN);
        assertThat(Tri.UNKNOWN.or(Tri.TRUE)).isEqualTo(Tri.TRUE);
        assertThat(Tri.UNKNOWN.or(Tri.FALSE)).isEqualTo(Tri.UNKNOWN);
        assertThat(Tri.UNKNOWN.not()).isEqualTo(Tri.UNKNOWN);
        assertThat(Tri.TRUE.and(Tri.TRUE)).isEqualTo(Tri.TRUE);
    }
}
