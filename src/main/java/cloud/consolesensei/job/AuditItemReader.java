package cloud.consolesensei.job;

import cloud.consolesensei.collect.ResourceSource;

import java.util.Iterator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Item reader of one collect partition: streams each source's resources in turn (each a lazy
 * stream over SDK paginators, so pages are fetched as chunks need them). Its position — source
 * index and items read from it — is saved at every chunk commit, so a restarted execution resumes
 * at the last committed chunk: the source is opened again and the committed items are skipped.
 * A source that fails while streaming becomes a coverage gap and the reader goes on with the next,
 * except after a region-not-enabled answer: then the partition's remaining sources are skipped.
 */
public class AuditItemReader implements ItemStreamReader<CollectedItem> {

    private static final Logger log = LoggerFactory.getLogger(AuditItemReader.class);
    private static final String SOURCE = "reader.source";
    private static final String OFFSET = "reader.offset";

    private final PartitionWork work;
    private int sourceIndex;
    private long offset;
    private Stream<?> stream;
    private Iterator<?> current;

    public AuditItemReader(PartitionWork work) {
        this.work = work;
    }

    @Override
    public void open(ExecutionContext ec) {
        sourceIndex = ec.containsKey(SOURCE) ? ec.getInt(SOURCE) : 0;
        offset = ec.containsKey(OFFSET) ? ec.getLong(OFFSET) : 0L;
        if (sourceIndex > 0 || offset > 0) {
            log.info("resuming {} {} at source {} after {} items", work.context().account().id(),
                    work.context().region(), sourceIndex, offset);
        }
    }

    @Override
    public CollectedItem read() {
        while (sourceIndex < work.sources().size()) {
            ResourceSource<?> source = work.sources().get(sourceIndex);
            if (current == null && work.regionNotEnabled()) {
                // one INFO gap says it; calling the region again would only earn more AuthFailures
                log.info("region {} is not enabled for account {}: {} remaining source(s) skipped", work.context().region(),
                        work.context().account().id(), work.sources().size() - sourceIndex);
                sourceIndex = work.sources().size();
                offset = 0;
                return null;
            }
            try {
                if (current == null) {
                    stream = source.read(work.context());
                    current = stream.iterator();
                    for (long skipped = 0; skipped < offset && current.hasNext(); skipped++) {
                        current.next();
                    }
                }
                if (current.hasNext()) {
                    Object next = current.next();
                    offset++;
                    return new CollectedItem(sourceIndex, next);
                }
            } catch (RuntimeException e) {
                // a defect or an answer the source could not digest: a gap, never a crash
                work.context().failed(source.service(), source.id(), null, e);
            }
            closeCurrent();
            sourceIndex++;
            offset = 0;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext ec) {
        ec.putInt(SOURCE, sourceIndex);
        ec.putLong(OFFSET, offset);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (stream != null) stream.close();
        stream = null;
        current = null;
    }
}
