package cloud.consolesensei.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.s3.TestReads;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplate;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceIdentifier;

class AsgChecksTest {

    private static final CheckContext CTX = TestReads.checkContext("111111111111", "eu-west-1");
    private static final LaunchTemplateSpecification TEMPLATE = LaunchTemplateSpecification.builder()
            .launchTemplateId("lt-0abc").launchTemplateName("web").version("$Latest").build();
    private static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";

    /** A group that passes every check. */
    private static AutoScalingGroup.Builder clean() {
        return AutoScalingGroup.builder().autoScalingGroupName("web").launchTemplate(TEMPLATE)
                .availabilityZones("eu-west-1a", "eu-west-1b").targetGroupARNs(TG).healthCheckType("ELB")
                .minSize(2).maxSize(4).desiredCapacity(2);
    }

    @Test
    void cleanGroupPassesEveryCheck() {
        for (var check : new AutoScalingGroupSource().checks()) {
            assertThat(check.evaluate(clean().build(), CTX)).as(check.definition().id()).isEmpty();
        }
    }

    @Nested
    class SingleAz {
        private final SingleAzCheck check = new SingleAzCheck();

        @Test
        void oneZoneFiresWithTheGroupNameInTheAuditedRegion() {
            List<Finding> f = check.evaluate(clean().availabilityZones("eu-west-1a").build(), CTX);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("asg.single_az");
                assertThat(x.resourceId()).isEqualTo("web");
                assertThat(x.region()).isEqualTo("eu-west-1");
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.service()).isEqualTo("autoscaling");
                assertThat(x.detail()).contains("eu-west-1a");
            });
            assertThat(check.evaluate(clean().availabilityZones("eu-west-1a", "eu-west-1a").build(), CTX)).hasSize(1);
        }

        @Test
        void twoOrMoreZonesPass() {
            assertThat(check.evaluate(clean().build(), CTX)).isEmpty();
            assertThat(check.evaluate(clean().availabilityZones("eu-west-1a", "eu-west-1b", "eu-west-1c").build(), CTX)).isEmpty();
        }
    }

    @Nested
    class LaunchConfiguration {
        private final LaunchConfigurationCheck check = new LaunchConfigurationCheck();

        @Test
        void launchConfigurationFires() {
            AutoScalingGroup g = clean().launchTemplate((LaunchTemplateSpecification) null).launchConfigurationName("web-lc").build();
            assertThat(check.evaluate(g, CTX)).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.LOW);
                assertThat(x.detail()).contains("web-lc");
            });
        }

        @Test
        void templateDirectOrUnderMixedInstancesPolicyPasses() {
            assertThat(check.evaluate(clean().build(), CTX)).isEmpty();
            AutoScalingGroup mixed = clean().launchTemplate((LaunchTemplateSpecification) null)
                    .mixedInstancesPolicy(MixedInstancesPolicy.builder()
                            .launchTemplate(LaunchTemplate.builder().launchTemplateSpecification(TEMPLATE).build()).build())
                    .build();
            assertThat(check.evaluate(mixed, CTX)).isEmpty();
        }

        @Test
        void groupWithNeitherDoesNotFire() {
            assertThat(check.evaluate(clean().launchTemplate((LaunchTemplateSpecification) null).build(), CTX)).isEmpty();
        }
    }

    @Nested
    class ElbHealthCheck {
        private final ElbHealthCheckOffCheck check = new ElbHealthCheckOffCheck();

        @Test
        void targetGroupOrClassicLoadBalancerWithEc2HealthCheckFires() {
            assertThat(check.evaluate(clean().healthCheckType("EC2").build(), CTX)).singleElement()
                    .satisfies(x -> assertThat(x.detail()).contains("1 load balancer").contains("EC2"));
            assertThat(check.evaluate(clean().targetGroupARNs(List.of()).loadBalancerNames("web-clb")
                    .healthCheckType("EC2").build(), CTX)).hasSize(1);
        }

        @Test
        void missingHealthCheckTypeMeansEc2() {
            assertThat(check.evaluate(clean().healthCheckType(null).build(), CTX)).hasSize(1);
        }

        @Test
        void elbTrafficSourceCountsAndVpcLatticeDoesNot() {
            AutoScalingGroup elbv2 = clean().targetGroupARNs(List.of()).healthCheckType("EC2")
                    .trafficSources(TrafficSourceIdentifier.builder().identifier(TG).type("elbv2").build()).build();
            assertThat(check.evaluate(elbv2, CTX)).hasSize(1);
            AutoScalingGroup lattice = clean().targetGroupARNs(List.of()).healthCheckType("EC2")
                    .trafficSources(TrafficSourceIdentifier.builder().identifier("arn:aws:vpc-lattice:x").type("vpc-lattice").build())
                    .build();
            assertThat(check.evaluate(lattice, CTX)).isEmpty();
        }

        @Test
        void elbHealthCheckOrNoLoadBalancerPasses() {
            assertThat(check.evaluate(clean().build(), CTX)).isEmpty();
            assertThat(check.evaluate(clean().targetGroupARNs(List.of()).healthCheckType("EC2").build(), CTX)).isEmpty();
        }
    }
}
