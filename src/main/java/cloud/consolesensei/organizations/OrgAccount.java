package cloud.consolesensei.organizations;

import java.util.List;

/**
 * One account as {@code organizations:ListAccounts} returned it, with the discovery's decision.
 *
 * @param id        12-digit account ID
 * @param name      the account's name in the organization
 * @param email     the account's root email
 * @param state     lifecycle: the {@code State} field when AWS sent it, else {@code Status}
 *                  (ACTIVE, SUSPENDED, PENDING_CLOSURE, ...)
 * @param ouPath    the account's parents from the root down ({@code r-...}, then {@code ou-...}),
 *                  empty when no OU filter asked for them
 * @param included  true when the account is audited
 * @param reason    why it is included or excluded, for the Organization sheet and {@code doctor}
 */
public record OrgAccount(String id, String name, String email, String state, List<OrgUnit> ouPath,
                         boolean included, String reason) {

    public OrgAccount {
        ouPath = List.copyOf(ouPath);
    }

    /** The OU path as text, e.g. {@code Root / Workloads (ou-ab12-cdef3456) / Prod (ou-...)}. */
    public String ouPathText() {
        return String.join(" / ", ouPath.stream().map(OrgUnit::label).toList());
    }

    /**
     * One parent of an account: the root or an organizational unit.
     *
     * @param id   {@code r-...} or {@code ou-...}
     * @param name the OU's name, or {@code Root}; the id when the name is unknown
     */
    public record OrgUnit(String id, String name) {

        /** {@code Name (id)}, or the id alone when no name is known. */
        public String label() {
            return name == null || name.equals(id) ? id : name + " (" + id + ")";
        }
    }
}
