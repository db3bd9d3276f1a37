package cloud.consolesensei.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition plan of the collect step: what the plan step's {@link AuditPlan} turns into, one
 * partition per account and region plus one {@code global} partition per account, region-major.
 */
class AccountPartitionerTest {

    private static final String PROD = "111111111111";
    private static final String STAGING = "222222222222";

    @Test
    void oneGlobalPartitionPerAccountThenTheRegionsInterleaved() {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        regions.put(PROD, List.of("us-east-1", "eu-west-1", "ap-south-1"));
        regions.put(STAGING, List.of("us-east-1"));

        Map<String, ExecutionContext> partitions = new AccountPartitioner(new AuditPlan(regions, List.of())).partition(4);

        assertThat(partitions.keySet()).containsExactly(
                "collect:" + PROD + ":global", "collect:" + STAGING + ":global",
                "collect:" + PROD + ":us-east-1", "collect:" + STAGING + ":us-east-1",
                "collect:" + PROD + ":eu-west-1",
                "collect:" + PROD + ":ap-south-1");
        ExecutionContext euWest = partitions.get("collect:" + PROD + ":eu-west-1");
        assertThat(euWest.getString(PartitionWork.ACCOUNT)).isEqualTo(PROD);
        assertThat(euWest.getString(PartitionWork.REGION)).isEqualTo("eu-west-1");
    }

    @Test
    void unreachableAccountsGetNoPartition() {
        Map<String, ExecutionContext> partitions = new AccountPartitioner(
                new AuditPlan(Map.of(PROD, List.of("us-east-1")), List.of(STAGING))).partition(1);
        assertThat(partitions.keySet()).containsExactly("collect:" + PROD + ":global", "collect:" + PROD + ":us-east-1");
    }

    @Test
    void anEmptyPlanHasNoPartition() {
        assertThat(new AccountPartitioner(new AuditPlan(Map.of(), List.of(PROD))).partition(8)).isEmpty();
    }

    @Test
    void thePlanSurvivesTheJobExecutionContextSoARestartPartitionsTheSame() {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        regions.put(PROD, List.of("us-east-1", "eu-west-1"));
        regions.put(STAGING, List.of("eu-west-1"));
        AuditPlan plan = new AuditPlan(regions, List.of("333333333333"));
        StepExecution planStep = MetaDataInstanceFactory.createStepExecution();
        ExecutionContext jobContext = planStep.getJobExecution().getExecutionContext();

        plan.store(jobContext);
        AuditPlan restored = AuditPlan.load(new ExecutionContext(jobContext));

        assertThat(restored).isEqualTo(plan);
        assertThat(new AccountPartitioner(restored).partition(1)).isEqualTo(new AccountPartitioner(plan).partition(1));
        assertThat(restored.allAccountIds()).containsExactly(PROD, STAGING, "333333333333");
    }

    @Test
    void noStoredPlanBeforeThePlanStepRan() {
        assertThat(AuditPlan.load(new ExecutionContext())).isNull();
    }
}
