/// An append-only list kept in chunks of about 8 MiB (at least 4 096 elements, see
/// ``chunkSize``).
///
/// A copy shares every chunk with the original until one of them is appended to or changed;
/// then only the chunk being filled or changed is copied. A book's state keeps its activities
/// this way, so a transaction on a book of a million activities appends to its copy of the list
/// without copying the million.
///
/// ```swift
/// var log = ChunkedLog<Int>()
/// log.append(1)
/// var copy = log
/// copy.append(2)      // copies one chunk, the one appended to
/// log.count           // 1
/// ```
public struct ChunkedLog<Element>: RandomAccessCollection, MutableCollection {
  /// A chunk holds 2^`shift` elements: the power of two whose elements take 4–8 MiB, and no
  /// fewer than 4 096. Chunks that large are worth backing with huge pages (every chunk after
  /// the first is advised so, ``HugePages``; the first, which may be all a small log has, is
  /// not), while a copy still copies no more than one.
  @inlinable static var shift: Int {
    Swift.max(12, HugePages.elementShift(Element.self, bytesShift: 23))
  }
  /// How many elements a chunk holds.
  @inlinable public static var chunkSize: Int { 1 << shift }

  /// An empty chunk with room for a chunk's elements; the first with room for a few (it grows
  /// as an array does), so that a small log stays small.
  @usableFromInline static func newChunk(first: Bool) -> [Element] {
    var chunk = [Element]()
    if first {
      chunk.reserveCapacity(Swift.min(chunkSize, 4096))
    } else {
      chunk.reserveCapacity(chunkSize)
      HugePages.advise(capacityOf: &chunk)
    }
    return chunk
  }

  @usableFromInline var chunks: [[Element]] = []
  @inlinable public var count: Int { storedCount }
  @usableFromInline var storedCount = 0
  /// The chunk to fill after the last, made and partly faulted in ahead while the log
  /// populates ahead (empty otherwise): a new chunk is then not faulted in by the thread that
  /// fills it, at the moment it starts to.
  @usableFromInline var nextChunk: [Element] = []

  /// Whether the log has the memory it fills next faulted in on another thread as it grows, a
  /// quarter chunk ahead (``HugePages/populateInBackground(_:count:)``): for a large log
  /// filled on a busy thread while another core has time. Off by default.
  public var populatesAhead = false

  /// Elements in a quarter chunk: the log asks for the next one to be faulted in each time it
  /// fills one.
  @inlinable static var populateShift: Int { shift - 2 }

  @inlinable public init() {}

  @inlinable public init(_ elements: some Sequence<Element>) {
    for element in elements { append(element) }
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { storedCount }

  @inlinable public subscript(position: Int) -> Element {
    get {
      precondition(position >= 0 && position < storedCount, "index out of range")
      return chunks[position >> Self.shift][position & (Self.chunkSize - 1)]
    }
    set {
      precondition(position >= 0 && position < storedCount, "index out of range")
      chunks[position >> Self.shift][position & (Self.chunkSize - 1)] = newValue
    }
  }

  @inlinable public mutating func append(_ element: Element) {
    if storedCount & (Self.chunkSize - 1) == 0 { startChunk() }
    chunks[chunks.count - 1].append(element)
    storedCount += 1
    if populatesAhead && storedCount & (1 << Self.populateShift - 1) == 0 {
      populateAfterLast()
    }
  }

  /// Adds a chunk after the last, full one: the one made ahead, if any.
  @usableFromInline mutating func startChunk() {
    if nextChunk.capacity >= Self.chunkSize {
      var chunk = [Element]()
      swap(&chunk, &nextChunk)
      chunks.append(chunk)
    } else {
      chunks.append(Self.newChunk(first: chunks.isEmpty))
      if populatesAhead { populate(from: 0) }
    }
  }

  /// Asks for the quarter chunk after the last element to be faulted in, unless the last chunk
  /// is full; in its last quarter, makes the next chunk and asks for its first quarter.
  @usableFromInline mutating func populateAfterLast() {
    let used = storedCount & (Self.chunkSize - 1)
    guard used != 0 else { return }
    populate(from: used)
    if used >= Self.chunkSize - 1 << Self.populateShift && nextChunk.capacity == 0 {
      nextChunk = Self.newChunk(first: false)
      HugePages.populateInBackground(roomOf: nextChunk, places: 0..<1 << Self.populateShift)
    }
  }

  /// Asks for the quarter chunk from place `used` of the last chunk to be faulted in (none
  /// when the last chunk is full: the next does not exist yet).
  @usableFromInline func populate(from used: Int) {
    guard let chunk = chunks.last else { return }
    HugePages.populateInBackground(roomOf: chunk, places: used..<used + 1 << Self.populateShift)
  }

  @inlinable public mutating func append(contentsOf elements: some Sequence<Element>) {
    for element in elements { append(element) }
  }

  /// Appends the elements of `buffer`, a chunk's worth at a time.
  @inlinable public mutating func append(contentsOf buffer: UnsafeBufferPointer<Element>) {
    var rest = buffer[...]
    while !rest.isEmpty {
      let used = storedCount & (Self.chunkSize - 1)
      if used == 0 { startChunk() }
      // As a buffer, not a slice of one: an array copies a buffer's elements at once.
      let piece = UnsafeBufferPointer(rebasing: rest.prefix(Self.chunkSize - used))
      chunks[chunks.count - 1].append(contentsOf: piece)
      let before = storedCount
      storedCount += piece.count
      rest = rest.dropFirst(piece.count)
      if populatesAhead && before >> Self.populateShift != storedCount >> Self.populateShift {
        populateAfterLast()
      }
    }
  }

  /// Appends the elements of `other`; when this log ends on a chunk's end, by taking on
  /// `other`'s chunks as they are (shared, not copied).
  @inlinable public mutating func append(contentsOf other: ChunkedLog<Element>) {
    guard storedCount & (Self.chunkSize - 1) == 0 else {
      for element in other { append(element) }
      return
    }
    chunks += other.chunks
    storedCount += other.storedCount
  }

  /// Calls `body` with the elements in `range`, in order, in the pieces they are kept in (one
  /// per chunk the range touches).
  @inlinable public func forEachPiece(
    of range: Range<Int>, _ body: (UnsafeBufferPointer<Element>) throws -> Void
  ) rethrows {
    precondition(range.lowerBound >= 0 && range.upperBound <= storedCount, "range out of range")
    var start = range.lowerBound
    while start < range.upperBound {
      let chunk = start >> Self.shift
      let offset = start & (Self.chunkSize - 1)
      let end = Swift.min(range.upperBound, (chunk + 1) << Self.shift)
      try chunks[chunk].withUnsafeBufferPointer { elements in
        try body(UnsafeBufferPointer(rebasing: elements[offset..<offset + (end - start)]))
      }
      start = end
    }
  }

  /// Makes room for `capacity` elements in all.
  @inlinable public mutating func reserveCapacity(_ capacity: Int) {
    chunks.reserveCapacity((capacity + Self.chunkSize - 1) >> Self.shift)
  }
}

extension ChunkedLog: Sendable where Element: Sendable {}

extension ChunkedLog: Equatable where Element: Equatable {
  public static func == (a: ChunkedLog, b: ChunkedLog) -> Bool { a.elementsEqual(b) }
}

extension ChunkedLog: Hashable where Element: Hashable {
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for element in self { hasher.combine(element) }
  }
}

extension ChunkedLog: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: Element...) { self.init(elements) }
}
