package cloud.consolesensei.web;

import cloud.consolesensei.config.ConfigValidator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;

/**
 * A bean of {@code serve}'s web server: the console, the JSON API and their security. On in a web
 * application that is not a {@code worker}: a worker is a web application too, but only for its
 * management port (health and Prometheus), so none of these beans exists there and no console or API
 * can be reached on a worker, whatever its configuration file says about users.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnWebApplication
@Profile("!" + ConfigValidator.WORKER_PROFILE)
public @interface ConditionalOnServe {
}
