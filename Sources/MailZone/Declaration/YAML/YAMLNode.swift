import Foundation
import ZoneFile

/// A parsed YAML document, stored flat: one small entry per node, the children of every list
/// and mapping in one array of entry numbers, and the text of scalars as ranges of the file's
/// own bytes, kept with the document.
///
/// Built once from libyaml's events under limits (see `YAMLTreeBuilder`): aliases already
/// resolved (an alias is its anchor's entry, shared), merge keys (`<<`) already applied. A tree
/// of Swift values with a location, a string and an array per node took some 140 bytes a node,
/// four times the file for a hosting provider's declaration (10,000 zones and senders, 6 MB);
/// this takes 24 bytes a node (the entry and its slot in its parent), and no copy of the text
/// but that of the scalars whose value is not written as is in the file (escapes, folded lines).
final class YAMLDocument: Sendable {
    let file: String
    let storage: YAMLStorage

    init(file: String, storage: YAMLStorage) {
        self.file = file
        self.storage = storage
    }
}

/// The bytes a document is read from, kept alive with it: most scalars' text is a range of
/// them. Either form the file came in, so that neither is copied.
enum YAMLInput: Sendable {
    case bytes([UInt8])
    case data(Data)
    /// A file as `SourceFile` read it: a large one mapped, a small one in memory.
    case source(SourceBytes)

    /// Whether the input is a mapped file that another program cut short while it was read: its
    /// bytes past the cut read as zeros, not as the file's text (`SourceBytes.wasCut`).
    var wasCut: Bool {
        guard case .source(let bytes) = self else { return false }
        return bytes.wasCut
    }

    /// Calls `body` with the bytes (a buffer with an address even when empty: libyaml asserts
    /// that its input has one, and empty `Data` has none).
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch self {
        case .bytes(let bytes) where !bytes.isEmpty:
            return bytes.withUnsafeBufferPointer(body)
        case .data(let data) where !data.isEmpty:
            return data.withUnsafeBytes { body($0.assumingMemoryBound(to: UInt8.self)) }
        case .source(let bytes) where !bytes.isEmpty:
            return bytes.withUnsafeBufferPointer(body)
        default:
            return Self.nothing.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<0])) }
        }
    }

    private static let nothing: [UInt8] = [0]
}

/// The tables of a `YAMLDocument`, filled by `YAMLTreeBuilder` as it reads and read through
/// the same accessors while it builds and afterwards.
struct YAMLStorage: Sendable {
    /// One node: its shape and scalar type, where it was written, and its text or its children.
    struct Entry: Sendable {
        enum Shape: UInt8, Sendable {
            case scalar, sequence, mapping
        }

        var shape: Shape
        /// A scalar's type (`YAMLStorage.kind(code:)`); unused for collections.
        var kind: UInt8
        /// A plain (unquoted, untagged) scalar: its type came from its text by the core schema.
        var plain: Bool = false
        /// A scalar whose text is the file's own bytes from `start` (a plain word, or quoted
        /// text without escapes: most of them); otherwise its text is in `text` from `start`.
        var inInput: Bool = false
        var line: UInt32
        var column: UInt32
        /// A scalar's first byte in `input` or `text`, or a collection's first slot in `children`.
        var start: UInt32
        /// A scalar's length in bytes, or a collection's slots in `children`: one per list item,
        /// two per mapping pair (key, then value).
        var count: UInt32
    }

    /// The number in `Entry.kind` of `.other`, whose tag is in `otherTags`.
    static let otherKind: UInt8 = 7

    let input: YAMLInput
    var entries: [Entry] = []
    var children: [UInt32] = []
    /// The text of the scalars whose value is not a range of `input`.
    var text: [UInt8] = []
    /// The tags of scalars of a type mailzone does not know (`!custom`), by entry.
    var otherTags: [UInt32: String] = [:]

    init(input: YAMLInput) {
        self.input = input
    }

    static func code(of kind: YAMLScalar.Kind) -> UInt8 {
        switch kind {
        case .string: return 0
        case .integer: return 1
        case .float: return 2
        case .boolean: return 3
        case .null: return 4
        case .timestamp: return 5
        case .merge: return 6
        case .other: return otherKind
        }
    }

    func entry(_ index: UInt32) -> Entry { entries[Int(index)] }

    func kind(of index: UInt32) -> YAMLScalar.Kind {
        switch entry(index).kind {
        case 0: return .string
        case 1: return .integer
        case 2: return .float
        case 3: return .boolean
        case 4: return .null
        case 5: return .timestamp
        case 6: return .merge
        default: return .other(otherTags[index] ?? "?")
        }
    }

    /// Calls `body` with a scalar's bytes (none for a collection).
    func withScalarBytes<Result>(of index: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = entry(index)
        guard entry.shape == .scalar else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let range = Int(entry.start)..<Int(entry.start) + Int(entry.count)
        if entry.inInput {
            return input.withBytes { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// A scalar's text ("" for a collection).
    func scalarText(of index: UInt32) -> String {
        withScalarBytes(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// A collection's slots: its items, or its pairs' keys and values in turn.
    func children(of index: UInt32) -> ArraySlice<UInt32> {
        let entry = entry(index)
        guard entry.shape != .scalar else { return [] }
        let start = Int(entry.start)
        return children[start..<start + Int(entry.count)]
    }

    /// How a node is named in "expected X, found Y".
    func kindDescription(of index: UInt32) -> String {
        switch entry(index).shape {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar: return kind(of: index).description
        }
    }
}

/// A YAML value with its position: one node of a `YAMLDocument`, read as a value tree.
///
/// The decoders walk it as if it were a plain tree (`content` gives a scalar, or a list's
/// items, or a mapping's pairs), each node carrying the line and column it came from.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    let document: YAMLDocument
    let index: UInt32

    private var storage: YAMLStorage { document.storage }
    private var entry: YAMLStorage.Entry { storage.entry(index) }

    /// Whether the document was read from a mapped file that another program cut short meanwhile
    /// (`YAMLInput.wasCut`): its scalars past the cut read as zeros.
    var wasCut: Bool { storage.input.wasCut }

    var content: Content {
        switch entry.shape {
        case .scalar:
            return .scalar(YAMLScalar(text: storage.scalarText(of: index), kind: storage.kind(of: index)))
        case .sequence:
            return .sequence(storage.children(of: index).map { YAMLNode(document: document, index: $0) })
        case .mapping:
            let slots = storage.children(of: index)
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(slots.count / 2)
            var slot = slots.startIndex
            while slot + 1 < slots.endIndex {
                pairs.append(
                    YAMLPair(
                        key: YAMLNode(document: document, index: slots[slot]),
                        value: YAMLNode(document: document, index: slots[slot + 1])))
                slot += 2
            }
            return .mapping(pairs)
        }
    }

    /// Whether the node is a mapping.
    var isMapping: Bool { entry.shape == .mapping }

    /// Calls `body` with each key and value of a mapping in order, without the array of pairs `content`
    /// makes (a declaration has a few mappings for each of thousands of senders); nothing for a scalar
    /// or a list.
    func forEachPair(_ body: (_ key: YAMLNode, _ value: YAMLNode) -> Void) {
        guard entry.shape == .mapping else { return }
        let slots = storage.children(of: index)
        var slot = slots.startIndex
        while slot + 1 < slots.endIndex {
            body(YAMLNode(document: document, index: slots[slot]), YAMLNode(document: document, index: slots[slot + 1]))
            slot += 2
        }
    }

    /// The number of pairs of a mapping (0 for anything else).
    var pairCount: Int { entry.shape == .mapping ? Int(entry.count) / 2 : 0 }

    var location: YAMLLocation {
        let entry = entry
        return YAMLLocation(file: document.file, line: Int(entry.line), column: Int(entry.column))
    }

    /// How the node is named in "expected X, found Y".
    var kindDescription: String { storage.kindDescription(of: index) }

    var scalar: YAMLScalar? {
        guard entry.shape == .scalar else { return nil }
        return YAMLScalar(text: storage.scalarText(of: index), kind: storage.kind(of: index))
    }

    var isNull: Bool { entry.shape == .scalar && storage.kind(of: index) == .null }

    /// A plain scalar (unquoted, without a tag), typed by its text: `yes` here is text that a
    /// YAML 1.1 reader would have taken for a boolean, where `"yes"` was meant as text.
    var isPlain: Bool { entry.shape == .scalar && entry.plain }
}

/// A key and its value in a mapping.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// A scalar's text and the type YAML's rules give it (`1` an integer, `"1"` a string).
struct YAMLScalar: Sendable, Hashable {
    enum Kind: Sendable, Hashable, CustomStringConvertible {
        case string, integer, float, boolean, null, timestamp, merge
        /// An explicit tag mailzone does not know (`!custom`); carries the tag.
        case other(String)

        var description: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .float: return "a number"
            case .boolean: return "a boolean"
            case .null: return "nothing (null)"
            case .timestamp: return "a date"
            case .merge: return "a merge key (<<)"
            case .other(let tag): return "a value tagged \(tag)"
            }
        }
    }

    var text: String
    var kind: Kind
}
