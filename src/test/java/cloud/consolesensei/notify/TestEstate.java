package cloud.consolesensei.notify;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.demo.DemoAwsClients;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.job.RunRegistry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A tiny fake estate for job-level tests: per account and region, a list of {@link Item}s, each of
 * which fails exactly one of three test checks ({@code test.critical_thing}, {@code test.high_thing},
 * {@code test.low_thing}). Tests change the estate between runs to drive the findings lifecycle.
 * The AWS clients are the demo ones (sts:GetCallerIdentity answers for any account); the test
 * source reads no AWS API.
 */
public final class TestEstate {

    public static final CheckDefinition CRITICAL = def("test.critical_thing", "Critical thing", Severity.CRITICAL);
    public static final CheckDefinition HIGH = def("test.high_thing", "High thing", Severity.HIGH);
    public static final CheckDefinition LOW = def("test.low_thing", "Low thing", Severity.LOW);

    /** Marks a {@link #defective} item; not a check of the module. */
    private static final CheckDefinition DEFECT = def("test.defect", "Defect", Severity.LOW);

    /** Marks a {@link #notEnabled} item; not a check of the module. */
    private static final CheckDefinition NOT_ENABLED = def("test.not_enabled", "Not enabled", Severity.LOW);

    private static final Map<String, List<Item>> ITEMS = new ConcurrentHashMap<>();

    /** One resource failing {@code check}, costing {@code usd} per month (null: no cost side). */
    public record Item(String region, String resourceId, CheckDefinition check, BigDecimal usd) {
    }

    private TestEstate() {
    }

    public static Item item(String region, String id, CheckDefinition check, String usd) {
        return new Item(region, id, check, usd == null ? null : new BigDecimal(usd));
    }

    /**
     * An item whose reading is denied: the source records an access-denied coverage gap for
     * ec2:DescribeThings in {@code region} (message {@code message}) instead of a resource.
     */
    public static Item denied(String region, String message) {
        return new Item(region, message, null, null);
    }

    /**
     * An item that meets a defect of the critical check: evaluating it throws a
     * {@link NullPointerException} inside the check (as a bug of ours would), not an AWS error.
     */
    public static Item defective(String region, String id) {
        return new Item(region, id, DEFECT, null);
    }

    /**
     * An item whose region answers as an opt-in region that is not enabled: the source records an
     * informational REGION_NOT_ENABLED gap (ec2 {@code OptInRequired}) instead of a resource.
     */
    public static Item notEnabled(String region) {
        return new Item(region, "OptInRequired", NOT_ENABLED, null);
    }

    /** Replaces the estate of {@code accountId}. */
    public static void set(String accountId, Item... items) {
        ITEMS.put(accountId, List.of(items));
    }

    /** Forgets every run's findings, so each test starts with an empty history. */
    public static void wipeHistory(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        for (String t : List.of("run_finding", "finding", "coverage_gap", "inventory_row", "run_account", "run_selection", "audit_run")) {
            jdbc.update("DELETE FROM " + t);
        }
    }

    public static void clear() {
        ITEMS.clear();
    }

    private static CheckDefinition def(String id, String title, Severity s) {
        return new CheckDefinition(id, title, s, "ec2", "Test resource", "Every item is flagged.", "A fixed test figure.", "Test risk.", "Fix it: aws ec2 fix-it",
                List.of("ec2:DescribeThings"), List.of(), List.of(), MoneyKind.SAVINGS);
    }

    /** The test module and client factory. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        ServiceModule testModule() {
            return new ServiceModule() {
                @Override
                public int order() {
                    return 0;
                }

                @Override
                public List<ResourceSource<?>> sources() {
                    return List.of(SOURCE);
                }
            };
        }

        /**
         * Keeps the job to the test module alone: the capability packages merged later (ec2, s3, cost...)
         * would otherwise add their own demo findings and change the counts these tests assert.
         */
        @Bean
        static BeanFactoryPostProcessor onlyTestModule() {
            return bf -> {
                for (String name : bf.getBeanNamesForType(ServiceModule.class, true, false)) {
                    if (!name.equals("testModule")) ((BeanDefinitionRegistry) bf).removeBeanDefinition(name);
                }
            };
        }

        @Bean
        RunRegistry.AwsClientsFactory testClients() {
            return request -> new DemoAwsClients(request.asOf());
        }
    }

    private static final ResourceSource<Item> SOURCE = new ResourceSource<>() {
        @Override
        public String id() {
            return "ec2.test_things";
        }

        @Override
        public Scope scope() {
            return Scope.REGIONAL;
        }

        @Override
        public Stream<Item> read(ReadContext ctx) {
            List<Item> here = ITEMS.getOrDefault(ctx.account().id(), List.of()).stream()
                    .filter(i -> i.region().equals(ctx.region())).toList();
            here.stream().filter(i -> i.check() == null).forEach(i -> ctx.failed("ec2", "DescribeThings", null,
                    Ec2Exception.builder().statusCode(403).message(i.resourceId())
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnauthorizedOperation")
                                    .errorMessage(i.resourceId()).build()).build()));
            here.stream().filter(i -> i.check() == NOT_ENABLED).forEach(i -> ctx.failed("ec2", "DescribeThings", null,
                    Ec2Exception.builder().statusCode(401).message("You are not subscribed to this service.")
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("OptInRequired")
                                    .errorMessage("You are not subscribed to this service.").build()).build()));
            return here.stream().filter(i -> i.check() != null && i.check() != NOT_ENABLED);
        }

        @Override
        public List<Check<Item>> checks() {
            List<Check<Item>> out = new ArrayList<>();
            for (CheckDefinition d : List.of(CRITICAL, HIGH, LOW)) {
                out.add(new Check<>() {
                    @Override
                    public CheckDefinition definition() {
                        return d;
                    }

                    @Override
                    public List<Finding> evaluate(Item i, CheckContext ctx) {
                        if (i.check() == DEFECT && d == CRITICAL) {
                            // the bug: a cost assumed present on every resource
                            return List.of(ctx.finding(d, i.resourceId()).monthlyCostUsd(i.usd().negate()).build());
                        }
                        if (i.check() != d) return List.of();
                        return List.of(ctx.finding(d, i.resourceId()).detail("test detail of " + i.resourceId())
                                .monthlyCostUsd(i.usd()).build());
                    }
                });
            }
            return out;
        }

        @Override
        public InventorySheet sheet() {
            return null;
        }

        @Override
        public InventoryRow inventoryRow(Item resource, CheckContext context) {
            return null;
        }
    };
}
