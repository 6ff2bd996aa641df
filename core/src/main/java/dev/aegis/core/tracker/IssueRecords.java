package dev.aegis.core.tracker;

import java.util.List;

/**
 * Where a tracker keeps {@link IssueRecord records} for Aegis verbatim, for trackers whose comment bodies do not
 * keep a hidden block (Linear stores comments as ProseMirror documents, which have no HTML). Linear keeps each
 * record as an attachment of the issue whose {@code metadata} holds the data.
 *
 * <p>Trust: {@link #list} returns only records Aegis itself wrote and nobody changed since; a look-alike written by
 * anyone else is left out, never returned. Putting a record of a name the issue already has replaces it, so a
 * repeated write converges to one record per name.
 */
public interface IssueRecords {

  /**
   * Aegis's own records on the issue, oldest first.
   *
   * @throws TrackerException when the tracker fails
   */
  List<IssueRecord> list(IssueKey key);

  /**
   * Creates the record, or replaces the one with the same name, and checks the tracker answered it back verbatim.
   *
   * @throws TrackerException when the tracker fails, or (status 502) when it did not keep the record as written: Aegis
   *     must then stop rather than go on without its state
   */
  void put(IssueKey key, IssueRecord record);
}
