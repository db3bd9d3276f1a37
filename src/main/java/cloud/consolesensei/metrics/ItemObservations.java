package cloud.consolesensei.metrics;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves out Spring Batch's per-item observations ({@code spring.batch.item.read} and
 * {@code spring.batch.item.process}): the chunk-oriented step starts two of them for every resource
 * an audit reads, each a timer sample and a meter look-up, and nothing reads them (the README's
 * metrics are the run's, per run and per AWS call). The job, step and chunk observations
 * ({@code spring.batch.job}, {@code spring.batch.step}, {@code spring.batch.chunk.write}) stay.
 */
@Configuration(proxyBeanMethods = false)
public class ItemObservations {

    /** Observation names Spring Batch gives its per-item observations. */
    static final String ITEM_PREFIX = "spring.batch.item.";

    /** Spring Boot applies every {@link ObservationPredicate} bean to its observation registry. */
    @Bean
    ObservationPredicate noBatchItemObservations() {
        return (name, context) -> name == null || !name.startsWith(ITEM_PREFIX);
    }
}
