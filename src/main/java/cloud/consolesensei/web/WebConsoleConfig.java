package cloud.consolesensei.web;

import cloud.consolesensei.web.security.ConsoleUsers;

import java.net.InetAddress;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web server of {@code serve}: with the demo user (serve --demo, no user and no OIDC configured)
 * it listens on the loopback address only, whatever {@code server.address} says, so the one-time
 * password never opens the console to the network.
 */
@Configuration
@ConditionalOnServe
public class WebConsoleConfig {

    /**
     * Lets encoded slashes and backslashes ({@code %2F}, {@code %5C}) through Tomcat to Spring
     * Security's firewall, which rejects them as 404 like any other name that is not a run's file
     * (Tomcat itself would answer 400).
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> demoLoopbackOnly(ConsoleUsers users) {
        return factory -> {
            if (users.demoPassword().isPresent()) factory.setAddress(InetAddress.getLoopbackAddress());
        };
    }
}
