/// A replacement of a byte range of a file's original text.
///
/// Edits are always expressed against the original bytes and applied together,
/// later offsets shifted by earlier replacements, so every byte outside the
/// edited ranges is provably unchanged.
public struct SourceEdit: Sendable, Hashable {
    /// The bytes of the original text replaced; an empty range inserts at its offset.
    public var range: Range<Int>
    /// What takes their place.
    public var replacement: [UInt8]

    /// Replaces `range` with bytes.
    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    /// Replaces `range` with the UTF-8 of `replacement`.
    public init(range: Range<Int>, replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }

    /// An insertion at one offset.
    public static func insert(_ text: String, at offset: Int) -> SourceEdit {
        SourceEdit(range: offset..<offset, replacement: text)
    }
}

/// Why a set of edits cannot be applied.
public enum SourceEditError: Error, Sendable, Equatable, CustomStringConvertible {
    case overlapping(Range<Int>, Range<Int>)
    case outOfBounds(Range<Int>, Int)

    public var description: String {
        switch self {
        case .overlapping(let a, let b): "edits overlap: bytes \(a) and \(b)"
        case .outOfBounds(let range, let size): "edit at bytes \(range) is outside the file's \(size) bytes"
        }
    }
}

extension SourceEdit {
    /// `edits` in the order `apply` applies them: by offset, insertions before a replacement at the
    /// same offset, otherwise in the given order.
    ///
    /// Edits already in that order are given back as they are, nothing sorted or allocated: a re-read
    /// orders again the edits of an `EditedText`, which are ordered (two for each of a repository's
    /// thousands of small zones).
    static func ordered(_ edits: [SourceEdit]) -> [SourceEdit] {
        isOrdered(edits) ? edits : sorted(edits)
    }

    /// Whether `edits` are in the order `ordered` gives: no edit goes before the one ahead of it.
    static func isOrdered(_ edits: [SourceEdit]) -> Bool {
        var index = 1
        while index < edits.count {
            let ahead = edits[index - 1].range
            let edit = edits[index].range
            if edit.lowerBound < ahead.lowerBound
                || (edit.lowerBound == ahead.lowerBound && edit.isEmpty && !ahead.isEmpty)
            {
                return false
            }
            index += 1
        }
        return true
    }

    /// `edits` sorted into the order `ordered` gives, whatever order they come in.
    static func sorted(_ edits: [SourceEdit]) -> [SourceEdit] {
        edits.enumerated().sorted { lhs, rhs in
            if lhs.element.range.lowerBound != rhs.element.range.lowerBound {
                return lhs.element.range.lowerBound < rhs.element.range.lowerBound
            }
            if lhs.element.range.isEmpty != rhs.element.range.isEmpty { return lhs.element.range.isEmpty }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Applies edits to `bytes`. Insertions at one offset keep their given order.
    public static func apply(_ edits: [SourceEdit], to bytes: [UInt8]) throws(SourceEditError) -> [UInt8] {
        try EditedText(original: bytes, edits: edits).bytes
    }

    /// Applies edits to a file's text (`SourceFile.bytes`). Insertions at one offset keep their given order.
    public static func apply(_ edits: [SourceEdit], to bytes: SourceBytes) throws(SourceEditError) -> [UInt8] {
        try EditedText(original: bytes, edits: edits).bytes
    }
}
