package cloud.consolesensei.lock;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract's per-account lock, the one the CLI, the web API (409) and remote partitioning use:
 * a job execution holds a row per account in {@code account_lock} while its process is alive. The
 * process proves it is alive by a heartbeat row per execution ({@code execution_heartbeat}),
 * refreshed every {@value #HEARTBEAT_SECONDS} s by a daemon thread of this bean for as long as the
 * execution holds its locks; a holder whose heartbeat is older than {@value #SILENT_SECONDS} s is
 * dead (killed process, lost host) and its accounts are taken over by the next execution that asks
 * for them. Any shared account conflicts, whatever the regions. Every time is the database's clock
 * ({@code CURRENT_TIMESTAMP}), so the hosts' clocks do not matter.
 *
 * <p>Why not ShedLock (already used for the scheduler's once-per-cluster fire): a ShedLock lock is
 * one name with a lease ({@code lock_until}) and a host name as holder. An execution needs many
 * names taken all-or-nothing in one transaction, a refusal naming the execution that holds the
 * account, and liveness of the holding process rather than a fixed lease that a long run outlives
 * (a 10-hour audit cannot know its lease up front; extending thousands of leases every 10 s is one
 * write per account instead of one per execution). Two small tables give exactly that.
 *
 * <p>Thread-safe; one bean per application context.
 */
@Component
public class AccountLocks {

    private static final Logger log = LoggerFactory.getLogger(AccountLocks.class);

    /** Seconds between two heartbeats of a live execution. */
    public static final int HEARTBEAT_SECONDS = 10;
    /** Seconds of silence after which a holder is dead and its accounts can be taken over. */
    public static final int SILENT_SECONDS = 60;

    /** Account ids per IN list (well under PostgreSQL's 32,767 bind values). */
    private static final int SLICE = 1000;
    private static final String FRESH = "h.heartbeat_at >= CURRENT_TIMESTAMP - INTERVAL '" + SILENT_SECONDS + "' SECOND";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName();
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService beats;

    public AccountLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Takes every account of {@code accountIds} for {@code executionId}, all or nothing, and keeps
     * the execution alive by a heartbeat every 10 s until {@link #release}. Accounts held by a dead
     * execution (silent for 60 s) are taken over; accounts this execution already holds stay held.
     *
     * @param executionId the Spring Batch job execution id
     * @param accountIds  12-digit account ids (any number)
     * @throws AccountsBusyException when a live execution holds one of them (nothing taken)
     */
    public void acquire(long executionId, Collection<String> accountIds) {
        beat(executionId, true);
        held.add(executionId);
        startBeats();
        try {
            tx.executeWithoutResult(status -> take(executionId, new TreeSet<>(accountIds)));
        } catch (DuplicateKeyException race) {
            // another execution inserted one of the accounts between our check and our insert
            abandon(executionId);
            throw busy(executionId, accountIds).orElseThrow(() -> race);
        } catch (RuntimeException e) {
            abandon(executionId);
            throw e;
        }
    }

    /**
     * Fails fast, without taking anything, when a live execution other than none holds one of
     * {@code accountIds}: what a caller checks before it starts an execution at all.
     *
     * @throws AccountsBusyException naming the first busy account and its holder
     */
    public void check(Collection<String> accountIds) {
        Optional<AccountsBusyException> busy = busy(-1, accountIds);
        if (busy.isPresent()) throw busy.get();
    }

    /** Refreshes the heartbeat of {@code executionId} now (the internal heartbeat does it every 10 s). */
    public void heartbeat(long executionId) {
        beat(executionId, false);
    }

    /** Releases every account {@code executionId} holds and ends its heartbeat. */
    public void release(long executionId) {
        held.remove(executionId);
        jdbc.update("DELETE FROM account_lock WHERE execution_id = ?", executionId);
        jdbc.update("DELETE FROM execution_heartbeat WHERE execution_id = ?", executionId);
    }

    /** True while the process running {@code executionId} holds its locks and has beaten in the last 60 s. */
    public boolean isAlive(long executionId) {
        return !alive(List.of(executionId)).isEmpty();
    }

    /** The executions of {@code executionIds} that are alive (one query). */
    public Set<Long> alive(Collection<Long> executionIds) {
        Set<Long> out = new HashSet<>();
        if (executionIds.isEmpty()) return out;
        named.query("SELECT h.execution_id FROM execution_heartbeat h WHERE h.execution_id IN (:ids) AND " + FRESH,
                new MapSqlParameterSource("ids", executionIds), rs -> {
                    out.add(rs.getLong(1));
                });
        return out;
    }

    private void take(long me, TreeSet<String> accounts) {
        List<List<String>> slices = slices(accounts);
        int takenOver = 0;
        for (List<String> slice : slices) {
            takenOver += named.update("DELETE FROM account_lock WHERE account_id IN (:ids) AND execution_id <> :me"
                    + " AND NOT EXISTS (SELECT 1 FROM execution_heartbeat h WHERE h.execution_id = account_lock.execution_id"
                    + " AND " + FRESH + ")", new MapSqlParameterSource("ids", slice).addValue("me", me));
        }
        Optional<AccountsBusyException> busy = busy(me, accounts);
        if (busy.isPresent()) throw busy.get();
        if (takenOver > 0) log.info("lock: execution {} took over {} account(s) from executions silent for {} s", me, takenOver,
                SILENT_SECONDS);
        Set<String> mine = new HashSet<>(jdbc.queryForList("SELECT account_id FROM account_lock WHERE execution_id = ?",
                String.class, me));
        List<Object[]> rows = new ArrayList<>();
        for (String a : accounts) if (!mine.contains(a)) rows.add(new Object[] {a, me});
        for (int i = 0; i < rows.size(); i += SLICE) {
            jdbc.batchUpdate("INSERT INTO account_lock (account_id, execution_id, locked_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                    rows.subList(i, Math.min(rows.size(), i + SLICE)));
        }
    }

    /** The refusal for {@code accountIds} when live executions other than {@code me} hold some of them. */
    private Optional<AccountsBusyException> busy(long me, Collection<String> accountIds) {
        String first = null;
        long holderOfFirst = 0;
        int count = 0;
        for (List<String> slice : slices(new TreeSet<>(accountIds))) {
            Map<String, Long> held = new HashMap<>();
            named.query("SELECT l.account_id, l.execution_id FROM account_lock l JOIN execution_heartbeat h"
                    + " ON h.execution_id = l.execution_id WHERE l.account_id IN (:ids) AND l.execution_id <> :me AND " + FRESH,
                    new MapSqlParameterSource("ids", slice).addValue("me", me), rs -> {
                        held.put(rs.getString(1), rs.getLong(2));
                    });
            count += held.size();
            if (first == null && !held.isEmpty()) {
                first = new TreeSet<>(held.keySet()).first();
                holderOfFirst = held.get(first);
            }
        }
        return first == null ? Optional.empty() : Optional.of(new AccountsBusyException(first, holderOfFirst, count));
    }

    private void beat(long executionId, boolean create) {
        int n = jdbc.update("UPDATE execution_heartbeat SET heartbeat_at = CURRENT_TIMESTAMP WHERE execution_id = ?", executionId);
        if (n == 0 && create) {
            jdbc.update("INSERT INTO execution_heartbeat (execution_id, holder, started_at, heartbeat_at)"
                    + " VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", executionId, holder);
        }
    }

    /** After a failed acquire: an execution that holds nothing has no heartbeat either. */
    private void abandon(long executionId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM account_lock WHERE execution_id = ?", Integer.class, executionId);
        if (n == null || n == 0) release(executionId);
    }

    private synchronized void startBeats() {
        if (beats != null) return;
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(this::beatAll, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void beatAll() {
        for (Long id : held) {
            try {
                beat(id, false);
            } catch (RuntimeException e) {
                // the database may be briefly unreachable: the next beat tries again, within the 60 s
                log.warn("lock: heartbeat of job execution {} failed: {}", id, e.toString());
            }
        }
    }

    /** Stops the heartbeat thread (the context closes; held executions end with their process). */
    @PreDestroy
    public synchronized void close() {
        if (beats != null) beats.shutdownNow();
        beats = null;
    }

    private static List<List<String>> slices(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SLICE) out.add(all.subList(i, Math.min(all.size(), i + SLICE)));
        return out;
    }
}
