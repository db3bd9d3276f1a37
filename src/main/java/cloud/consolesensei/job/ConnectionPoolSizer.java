package cloud.consolesensei.job;

import cloud.consolesensei.config.ConfigValidator;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Sizes the JDBC connection pool from the collect step's concurrency, before the pool starts. Each
 * running partition holds one connection for its whole chunk transaction, AWS reads included; a
 * coverage gap is written in a transaction of its own (a second connection), and the job repository
 * and the partition handler need theirs. With a pool no larger than the concurrency, a gap recorded
 * while every partition holds a connection would wait for the pool's timeout and fail the chunk.
 * So {@code spring.datasource.hikari.maximum-pool-size} is raised, when set lower, to
 * {@code consolesensei.aws.concurrency} + {@link #HEADROOM}. A {@code worker} holds one more connection
 * per running partition (its locks, see the partition package), so there it is twice the concurrency
 * plus the headroom.
 */
@Component
public class ConnectionPoolSizer implements BeanPostProcessor, EnvironmentAware {

    /** Connections beyond one per partition: gap writes, job repository, partition handler, reports. */
    static final int HEADROOM = 4;

    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolSizer.class);

    private int concurrency = 8;

    @Override
    public void setEnvironment(Environment environment) {
        concurrency = Binder.get(environment).bind("consolesensei.aws.concurrency", Integer.class).orElse(8);
        if (environment.acceptsProfiles(Profiles.of(ConfigValidator.WORKER_PROFILE))) concurrency *= 2;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds) {
            int needed = needed(concurrency);
            if (ds.getMaximumPoolSize() < needed) {
                log.debug("connection pool raised from {} to {} for concurrency {}", ds.getMaximumPoolSize(), needed, concurrency);
                ds.setMaximumPoolSize(needed);
            }
        }
        return bean;
    }

    /** The smallest pool that cannot starve at {@code concurrency} partitions. */
    static int needed(int concurrency) {
        return concurrency + HEADROOM;
    }
}
