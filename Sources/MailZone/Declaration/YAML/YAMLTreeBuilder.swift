import CLibYAML

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
struct YAMLTreeBuilder {
    let file: String
    let limits: YAMLLimits
    /// Nodes built so far, aliases counted as the nodes they stand for.
    private(set) var visited = 0
    /// Entries stored so far: one per node written in the file, none for an alias's use. The
    /// tests read it to show that aliases are never copied out, whatever they expand to.
    var entriesBuilt: Int { storage.entries.count }

    /// The document's tables, filled as the events come.
    private var storage = YAMLStorage()

    /// A collection being read: its items so far, and what it needs when it ends.
    private struct Frame {
        /// The collection's entry, whose children are filled in when it ends.
        var index: UInt32
        var isMapping: Bool
        var anchor: String?
        /// `visited` when the collection started: the nodes it holds are the difference at its end.
        var visitedAtStart: Int
        /// Levels below this collection, itself included (1 when empty).
        var height = 1
        /// A list's items, or a mapping's written pairs (key, value, key, value, ...).
        var slots: [UInt32] = []
        /// Pairs brought in by merge keys, in order (key, value, ...).
        var merged: [UInt32] = []
        /// A mapping's key waiting for its value.
        var pendingKey: UInt32?
        /// A mapping's keys so far, merge keys included, to find one given twice: searched in
        /// order while the mapping is small, then moved to `keyIndex`.
        var keys: [(key: YAMLScalar, location: YAMLLocation)] = []
        var keyIndex: [YAMLScalar: YAMLLocation]?
    }

    /// What an anchor stands for, so an alias can be counted without walking its tree.
    private struct Anchored {
        var index: UInt32
        var nodes: Int
        var height: Int
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var root: UInt32?
    private var documents = 0

    /// Mappings with more keys than this find repeated keys with a dictionary instead of a scan.
    private static let keyScanLimit = 16

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// The document in `bytes` (UTF-8, no byte-order mark), or nil when the stream holds none.
    mutating func build(_ bytes: UnsafeBufferPointer<UInt8>) throws(DeclarationError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DeclarationError(at: location(line: 1, column: 1), "cannot parse the YAML: out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        // Scalars' text is at most the file's text: one allocation, not a doubling buffer whose
        // old and new copies are both alive while it grows.
        storage.text.reserveCapacity(bytes.count)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw YAMLSource.syntaxError(parser, file: file, bytes: bytes)
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            try handle(event)
        }
        guard let root else { return nil }
        return YAMLNode(document: YAMLDocument(file: file, storage: storage), index: root)
    }

    private mutating func handle(_ event: yaml_event_t) throws(DeclarationError) {
        let line = UInt32(clamping: event.start_mark.line + 1)
        let column = UInt32(clamping: event.start_mark.column + 1)
        let here = location(line: Int(line), column: Int(column))
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw DeclarationError(
                    at: here, "\(file) holds more than one YAML document",
                    hint: "keep a single document: remove the '---' line and what follows it")
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            let tag = scalar.tag.map { String(cString: $0) }
            let quotedImplicit = scalar.quoted_implicit == 1
            let kind = YAMLScalarTyping.kind(bytes: value, tag: tag, quotedImplicit: quotedImplicit)
            try count(nodes: 1, height: 1, at: here)
            let index = UInt32(storage.entries.count)
            storage.entries.append(
                YAMLStorage.Entry(
                    shape: .scalar, kind: YAMLStorage.code(of: kind),
                    plain: tag == nil && !quotedImplicit && scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    line: line, column: column, start: UInt32(storage.text.count), count: UInt32(value.count)))
            storage.text.append(contentsOf: value)
            if case .other(let tag) = kind { storage.otherTags[index] = tag }
            if let anchor = scalar.anchor {
                anchors[String(cString: anchor)] = Anchored(index: index, nodes: 1, height: 1)
            }
            try deliver(index, height: 1)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let anchored = anchors[name] else {
                throw DeclarationError(
                    at: here, "the alias *\(name) refers to no anchor",
                    hint: "define the anchor (&\(name)) earlier in the file, or write the value out")
            }
            if awaitsKey, storage.entry(anchored.index).shape != .scalar {
                throw DeclarationError(
                    at: here, "the key *\(name) is an alias of a list or mapping; keys must be plain text",
                    hint: "write the key out")
            }
            try count(nodes: anchored.nodes, height: anchored.height, at: here)
            try deliver(anchored.index, height: anchored.height)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            if awaitsKey {
                throw DeclarationError(
                    at: here, "a key here is a list or mapping; keys must be plain text",
                    hint: "write the key as a plain word, or quote it")
            }
            try count(nodes: 1, height: 1, at: here)
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
                    visitedAtStart: visited - 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            var slots = frame.slots
            if !frame.merged.isEmpty {
                // Written keys win over merged ones; earlier merged pairs win over later ones.
                var seen = Set(stride(from: 0, to: slots.count, by: 2).map { storage.scalarText(of: slots[$0]) })
                for pair in stride(from: 0, to: frame.merged.count, by: 2)
                where seen.insert(storage.scalarText(of: frame.merged[pair])).inserted {
                    slots += [frame.merged[pair], frame.merged[pair + 1]]
                }
            }
            storage.entries[Int(frame.index)].start = UInt32(storage.children.count)
            storage.entries[Int(frame.index)].count = UInt32(slots.count)
            storage.children += slots
            if let anchor = frame.anchor {
                anchors[anchor] = Anchored(
                    index: frame.index, nodes: visited - frame.visitedAtStart, height: frame.height)
            }
            try deliver(frame.index, height: frame.height)
        default:
            break  // stream start, document end
        }
    }

    /// True when the next node is a mapping key.
    private var awaitsKey: Bool {
        guard let top = stack.last else { return false }
        return top.isMapping && top.pendingKey == nil
    }

    /// Counts `nodes` more nodes, `height` levels deep below the current collection; refuses
    /// what crosses a limit, at `location`.
    private mutating func count(nodes: Int, height: Int, at location: YAMLLocation) throws(DeclarationError) {
        visited += nodes
        if visited > limits.maxNodes {
            throw DeclarationError(
                at: location,
                "the YAML expands to more than \(limits.maxNodes) values; aliases repeat their anchor's content each time they are used",
                hint: "write the values out, or use fewer aliases of large anchors")
        }
        if stack.count + height > limits.maxDepth {
            throw DeclarationError(
                at: location, "the YAML nests lists and mappings more than \(limits.maxDepth) levels deep",
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
            stack[top].slots.append(index)
            return
        }
        guard let key = stack[top].pendingKey else {
            // A key: plain text (checked where it starts), not given before in this mapping.
            let scalar = YAMLScalar(text: storage.scalarText(of: index), kind: storage.kind(of: index))
            try checkRepeated(scalar, at: location(of: index), in: &stack[top])
            stack[top].pendingKey = index
            return
        }
        stack[top].pendingKey = nil
        if storage.kind(of: key) == .merge {
            stack[top].merged += try mergedPairs(from: index)
        } else {
            stack[top].slots += [key, index]
        }
    }

    /// Refuses a key already given in the mapping (same text and type, as YAML compares keys).
    private func checkRepeated(_ key: YAMLScalar, at location: YAMLLocation, in frame: inout Frame)
        throws(DeclarationError)
    {
        let first: YAMLLocation?
        if frame.keyIndex == nil, frame.keys.count < Self.keyScanLimit {
            first = frame.keys.first(where: { $0.key == key })?.location
            frame.keys.append((key, location))
        } else {
            if frame.keyIndex == nil {
                frame.keyIndex = Dictionary(
                    frame.keys.map { ($0.key, $0.location) }, uniquingKeysWith: { first, _ in first })
                frame.keys = []
            }
            first = frame.keyIndex?[key]
            if first == nil { frame.keyIndex?[key] = location }
        }
        if let first {
            throw DeclarationError(
                at: location, "duplicate key '\(key.text)' in a mapping",
                hint: "'\(key.text)' is already given at line \(first.line); keep one of them")
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
        return location(line: Int(entry.line), column: Int(entry.column))
    }

    private func location(line: Int, column: Int) -> YAMLLocation {
        YAMLLocation(file: file, line: line, column: column)
    }
}
