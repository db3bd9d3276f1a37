package cloud.consolesensei.partition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What a worker holds in PostgreSQL while it runs one collect partition: session-level advisory
 * locks ({@code pg_try_advisory_lock(int, int)}) on one connection of its own. PostgreSQL releases
 * them when the session ends, so a worker killed with {@code kill -9} gives them up with its
 * connection and nothing has to expire.
 * <ul>
 *   <li>the <em>step lock</em>, one per step execution: a request RabbitMQ delivers again while
 *   another live worker still runs that partition waits for it instead of running it twice;</li>
 *   <li>an <em>account slot</em>, one of {@code consolesensei.aws.concurrency-per-account} per
 *   account: the per-account cap across all workers (AWS throttles per account and region, whatever
 *   process calls).</li>
 * </ul>
 * The locks of an account's slots are keyed by the account id folded into 32 bits: two accounts
 * that fold alike share one cap, which errs on the safe side. Not thread-safe: one per partition.
 */
final class PartitionLease implements AutoCloseable {

    /** First key of a step lock ("CS" and 1). */
    static final int STEP_LOCK = 0x4353_0001;
    /** First key of account slot 0; slot n is this plus n. */
    static final int ACCOUNT_SLOT = 0x4353_0100;

    private final Connection connection;

    private PartitionLease(Connection connection) {
        this.connection = connection;
    }

    /** Opens a lease on a connection of {@code dataSource} (a PostgreSQL one). */
    static PartitionLease open(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            return new PartitionLease(c);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot open a connection for the partition's locks", e);
        }
    }

    /** Takes the lock of step execution {@code stepExecutionId} if no other session holds it. */
    boolean tryStep(long stepExecutionId) {
        return tryLock(STEP_LOCK, (int) stepExecutionId);
    }

    /**
     * Takes one of the {@code slots} slots of {@code accountId} if one is free.
     *
     * @return the slot taken (0-based), or -1 when all are held by other partitions
     */
    int tryAccountSlot(String accountId, int slots) {
        int key = accountKey(accountId);
        for (int slot = 0; slot < slots; slot++) {
            if (tryLock(ACCOUNT_SLOT + slot, key)) return slot;
        }
        return -1;
    }

    /** The account id folded into the advisory lock's second key. */
    static int accountKey(String accountId) {
        long id;
        try {
            id = Long.parseLong(accountId);
        } catch (NumberFormatException e) {
            id = accountId.hashCode();
        }
        return (int) (id ^ (id >>> 32));
    }

    private boolean tryLock(int key1, int key2) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, key1);
            ps.setInt(2, key2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot take an advisory lock in PostgreSQL", e);
        }
    }

    /** Releases every lock of the lease, then gives the connection back to the pool. */
    @Override
    public void close() {
        try (Connection c = connection; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            ps.execute();
        } catch (SQLException e) {
            // a broken connection: its session, and with it the locks, ends with it
        }
    }
}
