import Foundation
import Synchronization

/// A large declaration read by libyaml in two parts side by side, on two cores, and the two trees
/// joined into the one the whole file makes.
///
/// libyaml reads one character after another on one thread: a hosting provider's declaration
/// (6 MB, 10,000 zones and senders) kept one core busy for a tenth of a second while the other
/// waited for the declaration to plan the zones. Such a file is a long block list under a
/// top-level key (`senders:`), so it is cut at the start of an item of that list near the middle:
/// the first part is the file up to the cut, a document on its own; the second is the rest,
/// read after the one line `KEY:` that opens the same list again, so libyaml is in the state it
/// would be in at the cut. The second part's items are then put after the first part's.
///
/// Nothing is guessed: a file whose parts do not read as exactly that (an error in either
/// part, an alias in the second part of an anchor in the first, a merge key or a directive in
/// the document, more top-level keys after the list, too many nodes in all) is read whole
/// instead, and so are its errors. `YAMLSplitReadingTests` compares the two readings.
enum YAMLSplitReading {
    /// Files smaller than this are read whole: a second thread would save less than it costs.
    static let minimumBytes = 1 << 20

    /// Where a file's text is cut: the start of a line that is an item of the block list under
    /// the top-level `key`, written `indent` spaces in.
    struct Cut: Equatable {
        var offset: Int
        var key: [UInt8]
        var indent: Int
    }

    /// The file's tree read in two parts side by side, cut near the middle of `text` (or near
    /// `target`); nil when it is to be read whole (no place to cut, or parts that do not join).
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, text: Range<Int>, file: String, limits: YAMLLimits, input: YAMLInput,
        near target: Int? = nil
    ) -> YAMLNode? {
        guard let cut = cut(in: bytes, text: text, near: target ?? text.lowerBound + text.count / 2) else {
            return nil
        }
        let shared = SharedBytes(buffer: bytes)
        let second = Handoff()
        let done = DispatchSemaphore(value: 0)
        let key = cut.key
        Thread {
            let part = Part(
                reading: shared.buffer, text: cut.offset..<text.upperBound, prefix: key + [UInt8(ascii: ":"), 0x0A],
                file: file, limits: limits, input: input)
            second.part.withLock { $0 = part }
            done.signal()
        }.start()
        let first = Part(
            reading: bytes, text: text.lowerBound..<cut.offset, prefix: [], file: file, limits: limits, input: input)
        done.wait()
        guard var first, let rest = second.part.withLock({ $0 }),
            let joined = join(&first, rest, cut: cut, limits: limits)
        else { return nil }
        return YAMLNode(document: YAMLDocument(file: file, storage: joined.storage), index: joined.root)
    }

    /// The place to cut `text` at: the first item after `target` of the block list that the last
    /// top-level key before `target` holds (`senders:` alone on its line, then lines of `- ITEM`
    /// written the same number of spaces in). Nil when the text around `target` is not such a list.
    static func cut(in bytes: UnsafeBufferPointer<UInt8>, text: Range<Int>, near target: Int) -> Cut? {
        guard text.contains(target) else { return nil }
        // The last line before the target's line that starts with something else than a space,
        // a comment or a line break: the top-level key.
        var lineStart = lineStart(of: target, in: bytes, from: text.lowerBound)
        let targetLine = lineStart
        var keyLine: Int?
        while lineStart > text.lowerBound {
            lineStart = Self.lineStart(of: lineStart - 1, in: bytes, from: text.lowerBound)
            if startsContent(bytes[lineStart]) {
                keyLine = lineStart
                break
            }
        }
        guard let keyLine, let key = key(onLine: keyLine, in: bytes, end: text.upperBound) else { return nil }
        // The list's first item gives its indentation.
        var line = nextLine(after: keyLine, in: bytes, end: text.upperBound)
        while line < text.upperBound, isBlankOrComment(line: line, in: bytes, end: text.upperBound) {
            line = nextLine(after: line, in: bytes, end: text.upperBound)
        }
        guard line < text.upperBound, let indent = itemIndent(line: line, in: bytes, end: text.upperBound) else {
            return nil
        }
        // The first item after the target at that indentation, before the next top-level line.
        line = max(targetLine, nextLine(after: line, in: bytes, end: text.upperBound))
        while line < text.upperBound {
            if startsContent(bytes[line]) { return nil }
            if itemIndent(line: line, in: bytes, end: text.upperBound) == indent {
                return Cut(offset: line, key: key, indent: indent)
            }
            line = nextLine(after: line, in: bytes, end: text.upperBound)
        }
        return nil
    }

    // MARK: - Lines

    private static func lineStart(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = offset
        while index > start, bytes[index - 1] != 0x0A { index -= 1 }
        return index
    }

    private static func nextLine(after start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] != 0x0A { index += 1 }
        return min(index + 1, end)
    }

    /// A byte that starts a line's content at its first column (not a space, tab, comment or break).
    private static func startsContent(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "#") && byte != 0x0A
            && byte != 0x0D
    }

    private static func isBlankOrComment(line: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        var index = line
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index == end || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == UInt8(ascii: "#")
    }

    /// The key of a line `KEY:` (letters, digits, `_` and `-`), with nothing after the colon but
    /// spaces and a comment.
    private static func key(onLine line: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> [UInt8]? {
        var index = line
        while index < end, isKeyByte(bytes[index]) { index += 1 }
        guard index > line, index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
        let key = Array(bytes[line..<index])
        index += 1
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < end else { return nil }
        switch bytes[index] {
        case 0x0A, UInt8(ascii: "#"): return key
        case 0x0D where index + 1 < end && bytes[index + 1] == 0x0A: return key
        default: return nil
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// The spaces before a line's `- ` (or a `-` that ends the line), if it is a list item.
    private static func itemIndent(line: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        var index = line
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index + 1 < end, bytes[index] == UInt8(ascii: "-") else { return nil }
        switch bytes[index + 1] {
        case UInt8(ascii: " "), 0x0A: return index - line
        default: return nil
        }
    }

    // MARK: - Parts

    /// One part's tree and what the join checks of it.
    struct Part: Sendable {
        var storage: YAMLStorage
        var root: UInt32
        var visited: Int
        var endLine: Int
        var markedDocument: Bool
        var mergedAtRoot: Bool

        /// `text` read after `prefix`; nil when libyaml or a limit refuses it, or it holds no document.
        init?(
            reading bytes: UnsafeBufferPointer<UInt8>, text: Range<Int>, prefix: [UInt8], file: String,
            limits: YAMLLimits, input: YAMLInput
        ) {
            var builder = YAMLTreeBuilder(file: file, limits: limits, input: input)
            let root = prefix.withUnsafeBufferPointer { prefix in
                try? builder.read(bytes, text: text, prefix: prefix)
            }
            guard let root else { return nil }
            self.storage = builder.storage
            self.root = root
            self.visited = builder.visited
            self.endLine = builder.endLine
            self.markedDocument = builder.markedDocument
            self.mergedAtRoot = builder.mergedAtRoot
        }
    }

    /// The whole file's tables: the first part's, with the second part's entries after them and
    /// its list's items after the first part's list's. Nil when the parts are not what reading the
    /// file whole would have joined (see the type's comment).
    static func join(_ first: inout Part, _ second: Part, cut: Cut, limits: YAMLLimits)
        -> (storage: YAMLStorage, root: UInt32)?
    {
        guard !first.markedDocument, !second.markedDocument, !first.mergedAtRoot, !second.mergedAtRoot,
            let list = lastValue(of: first.root, in: first.storage, key: cut.key, indent: cut.indent),
            second.storage.entry(second.root).count == 2,
            let more = lastValue(of: second.root, in: second.storage, key: cut.key, indent: cut.indent),
            // The second part's root, key and list stand for the first part's.
            first.visited + second.visited - 3 <= limits.maxNodes,
            first.endLine >= 1
        else { return nil }
        // Taken from the part, not copied: the part's tables are the larger half of the file's.
        var storage = YAMLStorage(input: first.storage.input)
        swap(&storage, &first.storage)
        let entryBase = UInt32(storage.entries.count)
        let childBase = UInt32(storage.children.count)
        let textBase = UInt32(storage.text.count)
        // The second part's lines count from its prefix's, which stands where the cut is.
        let lineShift = UInt32(first.endLine - 1)
        storage.entries.reserveCapacity(storage.entries.count + second.storage.entries.count)
        for var entry in second.storage.entries {
            entry.line += lineShift
            if entry.shape != .scalar {
                entry.start += childBase
            } else if !entry.inInput {
                entry.start += textBase
            }
            storage.entries.append(entry)
        }
        storage.children.reserveCapacity(storage.children.count + second.storage.children.count)
        for child in second.storage.children { storage.children.append(child + entryBase) }
        storage.text.append(contentsOf: second.storage.text)
        for (index, tag) in second.storage.otherTags { storage.otherTags[index + entryBase] = tag }
        // The list's items, the first part's and then the second's, in one run of slots.
        let items = storage.children(of: list) + storage.children(of: more + entryBase)
        let start = UInt32(storage.children.count)
        storage.children.append(contentsOf: items)
        storage.entries[Int(list)].start = start
        storage.entries[Int(list)].count = UInt32(items.count)
        return (storage, first.root)
    }

    /// The value of a mapping's last pair when its key is `key` and it is a list whose first item
    /// is written `indent` spaces in.
    private static func lastValue(of root: UInt32, in storage: YAMLStorage, key: [UInt8], indent: Int) -> UInt32? {
        guard storage.entry(root).shape == .mapping else { return nil }
        let slots = storage.children(of: root)
        guard slots.count >= 2 else { return nil }
        let last = slots[slots.endIndex - 2]
        let value = slots[slots.endIndex - 1]
        let entry = storage.entry(value)
        guard storage.entry(last).shape == .scalar, storage.entry(last).plain,
            storage.withScalarBytes(of: last, { $0.elementsEqual(key) }),
            entry.shape == .sequence, entry.column == indent + 1
        else { return nil }
        return value
    }
}

/// The file's bytes, read by both parts: they are only read, and outlive the second part's thread
/// (`read` waits for it).
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// The second part's tree, handed from its thread.
private final class Handoff: Sendable {
    let part = Mutex<YAMLSplitReading.Part?>(nil)
}
