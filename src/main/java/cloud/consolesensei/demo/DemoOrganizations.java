package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;

import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Demo fake of {@link OrganizationsClient}: answers the operations the readers call for the demo estate.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 */
final class DemoOrganizations {

    private DemoOrganizations() {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static OrganizationsClient client(AccountTarget account, String region, LocalDate asOf) {
        return new OrganizationsClient() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }
}
