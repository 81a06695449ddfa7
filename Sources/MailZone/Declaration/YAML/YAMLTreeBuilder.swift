import CLibYAML
import Foundation

/// Builds a `YAMLDocument` straight from libyaml's parser events, refusing hostile input
/// as it reads.
///
/// libyaml is the system's (the `CLibYAML` system-library target over Debian's libyaml-dev), so
/// the distribution's security updates reach it. Reading its events here, instead of
/// letting a YAML library compose its own node graph first, keeps one compact document in
/// memory instead of two trees: Yams' graph holds a tag object, a mark and a style per node,
/// and for a hosting provider's declaration (10,000 zones and senders, 6 MB) that graph
/// alone was over 100 MB (`bench/yaml-reader` compares the two).
///
/// Limits are checked on the event that would break them, so an error points at the line
/// that caused it and nothing past it is built:
/// - an alias counts as many nodes as its anchor holds each time it is used (`YAMLLimits.maxNodes`),
///   so a "billion laughs" file stops at the alias that crosses the cap, without expanding it;
///   the alias itself is its anchor's entry, shared, not a copy;
/// - nesting depth, aliases included (`YAMLLimits.maxDepth`);
/// - a mapping key must be plain text: a list, a mapping or an alias of one is refused where the
///   key starts (hashing such a key walks its whole expansion);
/// - a key given twice in a mapping is refused at its second occurrence.
///
/// Merge keys (`<<: *defaults`) are applied with the YAML 1.1 rule: keys written in the mapping
/// win over merged ones, and earlier merged mappings win over later ones.
///
/// Per event it does a constant amount of work without allocating (`bench/yaml-reader`
/// measures it): a scalar's text stays in the file's bytes when it is written there as is, the
/// slots of every open collection share one stack, and keys are compared as bytes.
struct YAMLTreeBuilder {
    let file: String
    let limits: YAMLLimits
    /// Nodes built so far, aliases counted as the nodes they stand for.
    private(set) var visited = 0
    /// Entries stored so far: one per node written in the file, none for an alias's use. The
    /// tests read it to show that aliases are never copied out, whatever they expand to.
    var entriesBuilt: Int { storage.entries.count }

    /// The document's tables, filled as the events come.
    private var storage: YAMLStorage

    /// A collection being read, and what it needs when it ends.
    private struct Frame {
        /// The collection's entry, whose children are filled in when it ends.
        var index: UInt32
        var isMapping: Bool
        var anchor: String?
        /// `visited` when the collection started: the nodes it holds are the difference at its end.
        var visitedAtStart: Int
        /// Levels below this collection, itself included (1 when empty).
        var height = 1
        /// Where its slots start in `slots`: a list's items, or a mapping's written pairs (key,
        /// value, key, value, ...), a key waiting for its value last.
        var firstSlot: Int
        /// A mapping whose last slot is a key waiting for its value.
        var awaitingValue = false
        /// The mapping's merge key (`<<`), kept apart from its slots: its value is merged in.
        var mergeKey: UInt32?
        /// Pairs brought in by merge keys, in order (key, value, ...).
        var merged: [UInt32] = []
        /// A large mapping's keys, to find one given twice without scanning them all; a small
        /// one's are scanned in `slots`.
        var keyIndex: [YAMLScalar: UInt32]?
    }

    /// What an anchor stands for, so an alias can be counted without walking its tree.
    private struct Anchored {
        var index: UInt32
        var nodes: Int
        var height: Int
    }

    private var stack: [Frame] = []
    /// The slots of every open collection, the innermost's last.
    private var slots: [UInt32] = []
    private var anchors: [String: Anchored] = [:]
    private var root: UInt32?
    private var documents = 0
    /// The file's bytes while building (valid inside `build`), to take scalars' text from.
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    /// Mappings with more keys than this find repeated keys with a dictionary instead of a scan.
    private static let keyScanLimit = 16

    init(file: String, limits: YAMLLimits, input: YAMLInput) {
        self.file = file
        self.limits = limits
        self.storage = YAMLStorage(input: input)
    }

    /// A builder for `build(_:)`, which is given its bytes later.
    init(file: String, limits: YAMLLimits) {
        self.init(file: file, limits: limits, input: .bytes([]))
    }

    /// The document in `bytes`, all of them YAML text; they are copied and kept with the
    /// document. For tests that keep the builder to read its counts; `YAMLSource` reads a file.
    mutating func build(_ bytes: UnsafeBufferPointer<UInt8>) throws(DeclarationError) -> YAMLNode? {
        let input = YAMLInput.bytes(Array(bytes))
        storage = YAMLStorage(input: input)
        var builder = self
        let result = input.withBytes { buffer in
            Result { () throws(DeclarationError) in try builder.build(buffer, text: 0..<buffer.count) }
        }
        self = builder
        return try result.get()
    }

    /// The document in `text`, a range of the input's `bytes` (UTF-8, after any byte-order
    /// mark), or nil when the stream holds none.
    mutating func build(_ bytes: UnsafeBufferPointer<UInt8>, text: Range<Int>) throws(DeclarationError) -> YAMLNode? {
        self.bytes = bytes
        defer { self.bytes = UnsafeBufferPointer(start: nil, count: 0) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DeclarationError(at: location(line: 1, column: 1), "cannot parse the YAML: out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        let input = UnsafeBufferPointer(rebasing: bytes[text])
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        // A node takes at least one byte of the file (`{a,b}`: two keys, two nulls, in five),
        // and the node cap bounds them too: reserved once, the tables never move while they
        // grow, and the pages of the reservation never written take no memory.
        let most = min(limits.maxNodes, input.count) + 16
        storage.entries.reserveCapacity(most)
        storage.children.reserveCapacity(most)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw YAMLSource.syntaxError(parser, file: file, bytes: input)
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            try handle(event, textStart: text.lowerBound)
        }
        guard let root else { return nil }
        return YAMLNode(document: YAMLDocument(file: file, storage: storage), index: root)
    }

    private mutating func handle(_ event: yaml_event_t, textStart: Int) throws(DeclarationError) {
        let line = UInt32(clamping: event.start_mark.line + 1)
        let column = UInt32(clamping: event.start_mark.column + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw DeclarationError(
                    at: location(line, column), "\(file) holds more than one YAML document",
                    hint: "keep a single document: remove the '---' line and what follows it")
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            let kind: YAMLScalar.Kind
            let plain: Bool
            if let tag = scalar.tag {
                kind = YAMLScalarTyping.kind(tag: String(cString: tag))
                plain = false
            } else if scalar.quoted_implicit == 1 {
                kind = .string
                plain = false
            } else {
                kind = YAMLScalarTyping.plainKind(value)
                plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            }
            try count(nodes: 1, height: 1, line, column)
            let index = UInt32(storage.entries.count)
            var entry = YAMLStorage.Entry(
                shape: .scalar, kind: YAMLStorage.code(of: kind), plain: plain, line: line, column: column,
                start: 0, count: UInt32(value.count))
            if let start = placeInInput(value, from: Int(event.start_mark.index) + textStart) {
                entry.inInput = true
                entry.start = UInt32(start)
            } else {
                entry.start = UInt32(storage.text.count)
                storage.text.append(contentsOf: value)
            }
            storage.entries.append(entry)
            if case .other(let tag) = kind { storage.otherTags[index] = tag }
            if let anchor = scalar.anchor {
                anchors[String(cString: anchor)] = Anchored(index: index, nodes: 1, height: 1)
            }
            try deliver(index, height: 1)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let anchored = anchors[name] else {
                throw DeclarationError(
                    at: location(line, column), "the alias *\(name) refers to no anchor",
                    hint: "define the anchor (&\(name)) earlier in the file, or write the value out")
            }
            if awaitsKey, storage.entry(anchored.index).shape != .scalar {
                throw DeclarationError(
                    at: location(line, column),
                    "the key *\(name) is an alias of a list or mapping; keys must be plain text",
                    hint: "write the key out")
            }
            try count(nodes: anchored.nodes, height: anchored.height, line, column)
            try deliver(anchored.index, height: anchored.height)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            if awaitsKey {
                throw DeclarationError(
                    at: location(line, column), "a key here is a list or mapping; keys must be plain text",
                    hint: "write the key as a plain word, or quote it")
            }
            try count(nodes: 1, height: 1, line, column)
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let index = UInt32(storage.entries.count)
            storage.entries.append(
                YAMLStorage.Entry(
                    shape: isMapping ? .mapping : .sequence, kind: 0, line: line, column: column,
                    start: 0, count: 0))
            stack.append(
                Frame(
                    index: index, isMapping: isMapping, anchor: anchor.map { String(cString: $0) },
                    visitedAtStart: visited - 1, firstSlot: slots.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let start = storage.children.count
            storage.children.append(contentsOf: slots[frame.firstSlot...])
            slots.removeSubrange(frame.firstSlot...)
            if !frame.merged.isEmpty {
                // Written keys win over merged ones; earlier merged pairs win over later ones.
                var seen = Set(
                    stride(from: start, to: storage.children.count, by: 2).map {
                        storage.scalarText(of: storage.children[$0])
                    })
                for pair in stride(from: 0, to: frame.merged.count, by: 2)
                where seen.insert(storage.scalarText(of: frame.merged[pair])).inserted {
                    storage.children += [frame.merged[pair], frame.merged[pair + 1]]
                }
            }
            storage.entries[Int(frame.index)].start = UInt32(start)
            storage.entries[Int(frame.index)].count = UInt32(storage.children.count - start)
            if let anchor = frame.anchor {
                anchors[anchor] = Anchored(
                    index: frame.index, nodes: visited - frame.visitedAtStart, height: frame.height)
            }
            try deliver(frame.index, height: frame.height)
        default:
            break  // stream start, document end
        }
    }

    /// Where in the file's bytes a scalar's `value` is written as is, if it is: at `start`
    /// (a plain scalar) or just after it (inside quotes). libyaml counts `start` in characters,
    /// which is the byte offset in ASCII text; a value not found there (escapes, folded lines,
    /// a block scalar, text after non-ASCII characters) is copied instead. Only equal bytes are
    /// ever taken, so a wrong guess costs a comparison, never a wrong text.
    private func placeInInput(_ value: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = value.count
        if length == 0 { return 0 }
        guard let source = bytes.baseAddress, let target = value.baseAddress, start >= 0 else { return nil }
        if start + length <= bytes.count, memcmp(source + start, target, length) == 0 { return start }
        if start + 1 + length <= bytes.count, memcmp(source + start + 1, target, length) == 0 { return start + 1 }
        return nil
    }

    /// True when the next node is a mapping key.
    private var awaitsKey: Bool {
        guard let top = stack.last else { return false }
        return top.isMapping && !top.awaitingValue
    }

    /// Counts `nodes` more nodes, `height` levels deep below the current collection; refuses
    /// what crosses a limit, at `line` and `column`.
    private mutating func count(nodes: Int, height: Int, _ line: UInt32, _ column: UInt32) throws(DeclarationError) {
        visited += nodes
        if visited > limits.maxNodes {
            throw DeclarationError(
                at: location(line, column),
                "the YAML expands to more than \(limits.maxNodes) values; aliases repeat their anchor's content each time they are used",
                hint: "write the values out, or use fewer aliases of large anchors")
        }
        if stack.count + height > limits.maxDepth {
            throw DeclarationError(
                at: location(line, column),
                "the YAML nests lists and mappings more than \(limits.maxDepth) levels deep",
                hint: "a declaration needs only a few levels; flatten the structure")
        }
    }

    /// Hands a finished node to the collection it belongs to (or makes it the document).
    private mutating func deliver(_ index: UInt32, height: Int) throws(DeclarationError) {
        guard !stack.isEmpty else {
            root = index
            return
        }
        let top = stack.count - 1
        stack[top].height = max(stack[top].height, height + 1)
        guard stack[top].isMapping else {
            slots.append(index)
            return
        }
        guard stack[top].awaitingValue else {
            // A key: plain text (checked where it starts), not given before in this mapping.
            try checkRepeated(index, in: top)
            slots.append(index)
            stack[top].awaitingValue = true
            return
        }
        stack[top].awaitingValue = false
        let key = slots[slots.count - 1]
        if storage.entry(key).kind == YAMLStorage.code(of: .merge) {
            slots.removeLast()
            stack[top].mergeKey = key
            stack[top].merged += try mergedPairs(from: index)
        } else {
            slots.append(index)
        }
    }

    /// Refuses `key` when the mapping `stack[frame]` has it already (same text and type, as
    /// YAML compares keys).
    private mutating func checkRepeated(_ key: UInt32, in frame: Int) throws(DeclarationError) {
        let first: UInt32?
        if let merge = stack[frame].mergeKey, sameScalar(merge, key) {
            first = merge
        } else if stack[frame].keyIndex == nil, slots.count - stack[frame].firstSlot < 2 * Self.keyScanLimit {
            var found: UInt32?
            var slot = stack[frame].firstSlot
            while found == nil, slot < slots.count {
                if sameScalar(slots[slot], key) { found = slots[slot] }
                slot += 2
            }
            first = found
        } else {
            if stack[frame].keyIndex == nil {
                var keys: [YAMLScalar: UInt32] = [:]
                for slot in stride(from: stack[frame].firstSlot, to: slots.count, by: 2) {
                    keys[scalar(slots[slot])] = slots[slot]
                }
                stack[frame].keyIndex = keys
            }
            let scalar = scalar(key)
            first = stack[frame].keyIndex?[scalar]
            if first == nil { stack[frame].keyIndex?[scalar] = key }
        }
        if let first {
            let text = storage.scalarText(of: key)
            throw DeclarationError(
                at: location(of: key), "duplicate key '\(text)' in a mapping",
                hint: "'\(text)' is already given at line \(storage.entry(first).line); keep one of them")
        }
    }

    /// A scalar's text and type, as a value.
    private func scalar(_ index: UInt32) -> YAMLScalar {
        YAMLScalar(text: storage.scalarText(of: index), kind: storage.kind(of: index))
    }

    /// True when two scalars have the same type and the same bytes.
    private func sameScalar(_ a: UInt32, _ b: UInt32) -> Bool {
        let first = storage.entry(a)
        let second = storage.entry(b)
        guard first.count == second.count, first.kind == second.kind else { return false }
        if first.kind == YAMLStorage.otherKind, storage.otherTags[a] != storage.otherTags[b] { return false }
        if first.count == 0 { return true }
        return storage.withScalarBytes(of: a) { one in
            storage.withScalarBytes(of: b) { other in
                guard let one = one.baseAddress, let other = other.baseAddress else { return false }
                return memcmp(one, other, Int(first.count)) == 0
            }
        }
    }

    /// The pairs a merge key brings in (key, value, ...): from one mapping, or from a list of
    /// mappings in order.
    private func mergedPairs(from index: UInt32) throws(DeclarationError) -> [UInt32] {
        switch storage.entry(index).shape {
        case .mapping:
            return Array(storage.children(of: index))
        case .sequence:
            var pairs: [UInt32] = []
            for item in storage.children(of: index) {
                guard storage.entry(item).shape == .mapping else {
                    throw DeclarationError(
                        at: location(of: item),
                        "a merge key (<<) takes a mapping or a list of mappings, found \(storage.kindDescription(of: item))"
                    )
                }
                pairs += storage.children(of: item)
            }
            return pairs
        case .scalar:
            throw DeclarationError(
                at: location(of: index),
                "a merge key (<<) takes a mapping or a list of mappings, found \(storage.kindDescription(of: index))")
        }
    }

    private func location(of index: UInt32) -> YAMLLocation {
        let entry = storage.entry(index)
        return location(entry.line, entry.column)
    }

    private func location(_ line: UInt32, _ column: UInt32) -> YAMLLocation {
        YAMLLocation(file: file, line: Int(line), column: Int(column))
    }

    private func location(line: Int, column: Int) -> YAMLLocation {
        YAMLLocation(file: file, line: line, column: column)
    }
}
