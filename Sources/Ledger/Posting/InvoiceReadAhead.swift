import Basics
import Dispatch
import Invoicing
import Synchronization

/// The invoices a run of postings will attest, read and taken apart on another core ahead of
/// the posting.
///
/// Attesting an invoice of a book opened from its checkpoint builds its record from the
/// checkpoint's bytes and works out its parts (per VAT rate, its sales and VAT): on a book of a
/// million invoices, a third of the posting's time, and none of it depends on what was posted
/// before. A second thread does it in blocks, a few blocks ahead of the posting, and lets go
/// of each record there, handing on only what attesting keeps; the work overlaps, and the
/// records are never all held at once.
///
/// ```swift
/// let ahead = InvoiceReadAhead(ids: attestedIDs, invoices: state.invoices)
/// let attestation = ahead.take(id)  // nil for an id out of the order given: read it directly
/// ```
final class InvoiceReadAhead {
  /// What the reading thread and the posting share.
  private final class Shared: Sendable {
    let ids: [Int]
    let invoices: InvoiceTable
    /// Blocks read and not yet taken, by their number.
    let blocks = Mutex([Int: [PostingEngine.Attestation?]]())
    /// One signal per block read. The posting waits for it asleep: a block is 2 048 invoices,
    /// so waking costs nothing beside it, while watching for it took a core from the threads
    /// it waited on (the reading, and the pages faulted in on the side) when there are two.
    let ready = WatchedSemaphore(watch: nil)
    /// How many more blocks may be read before the posting takes one.
    let room: WatchedSemaphore
    let stopped = Atomic(false)
    /// Signalled when the reading thread returns.
    let ended = DispatchSemaphore(value: 0)
    let blockSize: Int

    init(ids: [Int], invoices: InvoiceTable, blockSize: Int, blocksAhead: Int) {
      self.ids = ids
      self.invoices = invoices
      self.blockSize = blockSize
      room = WatchedSemaphore(value: blocksAhead, watch: nil)
    }

    func read() {
      defer { ended.signal() }
      for block in 0..<(ids.count + blockSize - 1) / blockSize {
        room.wait()
        if stopped.load(ordering: .acquiring) { return }
        let range = block * blockSize..<min(ids.count, (block + 1) * blockSize)
        let prepared = ids[range].map { id -> PostingEngine.Attestation? in
          invoices.readOnce(id).map { PostingEngine.Attestation(id: id, record: $0) }
        }
        blocks.withLock { $0[block] = prepared }
        ready.signal()
      }
    }
  }

  /// How many invoices a block holds, unless told otherwise.
  static let blockSize = 2048

  private let shared: Shared
  /// The place in the ids of the next invoice to hand out.
  private var position = 0
  /// The block that holds it, once taken from the reading thread.
  private var block: [PostingEngine.Attestation?] = []

  /// Starts reading the records of `ids`, in that order, from `invoices`, in blocks of
  /// `blockSize`, at most `blocksAhead` blocks ahead of those taken.
  init(ids: [Int], invoices: InvoiceTable, blockSize: Int = blockSize, blocksAhead: Int = 4) {
    precondition(blockSize > 0 && blocksAhead > 0)
    let shared = Shared(
      ids: ids, invoices: invoices, blockSize: blockSize, blocksAhead: blocksAhead)
    self.shared = shared
    DispatchQueue.global(qos: .userInitiated).async { shared.read() }
  }

  /// Signalled when the reading thread returns: after the last block, or once the reader is
  /// dropped.
  var readerEnded: DispatchSemaphore { shared.ended }

  deinit {
    // A posting that stops early (on an error) lets the reading thread end.
    shared.stopped.store(true, ordering: .releasing)
    shared.room.signal()
  }

  /// What attesting the next invoice takes from its record, when `id` is the next id of the
  /// order given; nil for any other id (it is read directly, and the order stays where it was).
  func take(_ id: Int) -> PostingEngine.Attestation? {
    guard position < shared.ids.count, shared.ids[position] == id else { return nil }
    let offset = position % shared.blockSize
    if offset == 0 {
      let number = position / shared.blockSize
      shared.ready.wait()
      block = shared.blocks.withLock { $0.removeValue(forKey: number) } ?? []
      shared.room.signal()
    }
    position += 1
    // Moved out, not copied: the block is left holding nothing to let go of.
    return offset < block.count ? block[offset].take() : nil
  }
}
