package cloud.consolesensei.organizations;

import cloud.consolesensei.aws.ErrorClass;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discovery of each run (tables {@code org_discovery}, {@code org_account}): written once when
 * the run first resolves its accounts, read back by a restarted execution (so it audits the same
 * accounts even if the organization changed meanwhile) and by the Organization sheet.
 */
@Repository
public class DiscoveryStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    public DiscoveryStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(tx);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores {@code d} as run {@code runId}'s discovery (all or nothing). */
    public void save(String runId, Discovery d) {
        own.executeWithoutResult(status -> {
            Discovery.Failure f = d.failure();
            jdbc.update("INSERT INTO org_discovery (run_id, caller_account, arn_partition, failed_op, error_class,"
                            + " error_message, discovered_at) VALUES (?,?,?,?,?,?,?)", runId, d.callerAccount(), d.partition(),
                    f == null ? null : f.operation(), f == null ? null : f.errorClass().name(),
                    f == null ? null : f.message(), Timestamp.from(Instant.now()));
            int i = 0;
            for (OrgAccount a : d.accounts()) {
                jdbc.update("INSERT INTO org_account (run_id, position, account_id, name, email, state, ou_path, included,"
                                + " reason) VALUES (?,?,?,?,?,?,?,?,?)", runId, i++, a.id(), a.name(), a.email(), a.state(),
                        encode(a.ouPath()), a.included(), a.reason());
            }
        });
    }

    /** Run {@code runId}'s discovery, or empty when it ran none. */
    public Optional<Discovery> load(String runId) {
        List<Discovery> head = jdbc.query("SELECT * FROM org_discovery WHERE run_id = ?", (rs, n) -> {
            String op = rs.getString("failed_op");
            Discovery.Failure f = op == null ? null : new Discovery.Failure(op, ErrorClass.valueOf(rs.getString("error_class")),
                    rs.getString("error_message"), null);
            return new Discovery(rs.getString("caller_account"), rs.getString("arn_partition"), List.of(), f);
        }, runId);
        if (head.isEmpty()) return Optional.empty();
        List<OrgAccount> accounts = jdbc.query("SELECT * FROM org_account WHERE run_id = ? ORDER BY position",
                (rs, n) -> new OrgAccount(rs.getString("account_id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("state"), decode(rs.getString("ou_path")), rs.getBoolean("included"),
                        rs.getString("reason")), runId);
        Discovery d = head.get(0);
        return Optional.of(new Discovery(d.callerAccount(), d.partition(), accounts, d.failure()));
    }

    /** {@code id=name} pairs joined by {@code /}; names URL-encoded because OU names may hold any character. */
    static String encode(List<OrgAccount.OrgUnit> path) {
        List<String> parts = new ArrayList<>();
        for (OrgAccount.OrgUnit u : path) {
            parts.add(u.id() + "=" + URLEncoder.encode(u.name() == null ? "" : u.name(), StandardCharsets.UTF_8));
        }
        return String.join("/", parts);
    }

    static List<OrgAccount.OrgUnit> decode(String s) {
        if (s == null || s.isEmpty()) return List.of();
        return Arrays.stream(s.split("/")).map(p -> {
            int eq = p.indexOf('=');
            return new OrgAccount.OrgUnit(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }).toList();
    }
}
