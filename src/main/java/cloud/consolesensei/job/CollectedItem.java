package cloud.consolesensei.job;

/**
 * One resource read by the collect step's item reader.
 *
 * @param sourceIndex index of its {@link cloud.consolesensei.collect.ResourceSource} in the partition's source list
 * @param resource    the resource (SDK model object or view record)
 */
public record CollectedItem(int sourceIndex, Object resource) {
}
