/// A file's text after edits, kept as the old text and the edits rather than as a copy.
///
/// Edits change a few lines of a zone file; a copy of a million-record file with them applied is as
/// large as the file again. An edited text hands its bytes out piece by piece (the old stretches
/// between the edits and each edit's replacement), so a writer streams them to disk and a re-read
/// reads only the part it needs (`prefix(_:)`); `bytes` makes the copy only when one is asked for.
public struct EditedText: Sendable {
    /// The text the edits are made against.
    public let original: SourceBytes
    /// The edits in the order they apply (see `SourceEdit.ordered`), checked to be within the text and
    /// not to overlap.
    public let edits: [SourceEdit]
    /// The length of the edited text.
    public let count: Int

    /// The text `original` with `edits` applied; insertions at one offset keep their given order.
    public init(original: SourceBytes, edits: [SourceEdit]) throws(SourceEditError) {
        let ordered = SourceEdit.ordered(edits)
        var count = original.count
        var previous: Range<Int>? = nil
        for edit in ordered {
            guard edit.range.upperBound <= original.count else { throw .outOfBounds(edit.range, original.count) }
            if let previous, edit.range.lowerBound < previous.upperBound, !(edit.range.isEmpty && previous.isEmpty) {
                throw .overlapping(previous, edit.range)
            }
            count += edit.replacement.count - edit.range.count
            previous = edit.range
        }
        self.original = original
        self.edits = ordered
        self.count = count
    }

    /// The text `original` (held in memory) with `edits` applied.
    public init(original: [UInt8], edits: [SourceEdit]) throws(SourceEditError) {
        try self.init(original: SourceBytes(original), edits: edits)
    }

    /// A text no edit changed.
    public init(_ bytes: [UInt8]) {
        original = SourceBytes(bytes)
        edits = []
        count = bytes.count
    }

    /// Hands `body` the edited text in order, piece by piece (empty pieces left out), until it returns false.
    ///
    /// The old text's stretches come in pieces of at most `SourceBytes.releaseStride` bytes when it is a
    /// mapped file, each one's pages given back once handed out: a writer streaming a large file holds a
    /// piece of it at a time.
    public func forEachPiece(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        var goOn = true
        func old(_ range: Range<Int>) {
            guard goOn, !range.isEmpty else { return }
            original.forEachPiece(in: range) { piece in
                goOn = body(piece)
                return goOn
            }
        }
        var cursor = 0
        for edit in edits {
            old(cursor..<edit.range.lowerBound)
            guard goOn else { return }
            if !edit.replacement.isEmpty, !edit.replacement.withUnsafeBufferPointer(body) { return }
            cursor = edit.range.upperBound
        }
        old(cursor..<original.count)
    }

    /// The first `length` bytes of the edited text (all of it when it is shorter).
    public func prefix(_ length: Int) -> [UInt8] {
        let length = min(max(0, length), count)
        var result: [UInt8] = []
        result.reserveCapacity(length)
        forEachPiece { piece in
            result.append(contentsOf: piece.prefix(length - result.count))
            return result.count < length
        }
        return result
    }

    /// The whole edited text, as one copy.
    public var bytes: [UInt8] { prefix(count) }
}
