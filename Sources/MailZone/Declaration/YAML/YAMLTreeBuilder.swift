import Yams

/// Turns Yams' node graph into a `YAMLNode` tree, refusing hostile input.
///
/// Yams keeps an alias as a second reference to its anchor's node, so the graph is
/// small even when the tree it stands for is huge. Walking it here counts every
/// node each time it is reached and stops at `YAMLLimits.maxNodes`; depth is
/// bounded the same way. Merge keys (`<<: *defaults`) are applied here, with the
/// YAML 1.1 rule: keys written in the mapping win over merged ones, and earlier
/// merged mappings win over later ones.
struct YAMLTreeBuilder {
    let file: String
    let limits: YAMLLimits
    private(set) var visited = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func build(_ node: Node) throws(DeclarationError) -> YAMLNode {
        try build(node, depth: 1, fallback: YAMLLocation(file: file, line: 1, column: 1))
    }

    private mutating func build(_ node: Node, depth: Int, fallback: YAMLLocation) throws(DeclarationError)
        -> YAMLNode
    {
        let location = node.mark.map { YAMLLocation(file: file, line: $0.line, column: $0.column) } ?? fallback
        visited += 1
        if visited > limits.maxNodes {
            throw DeclarationError(
                at: location,
                "the YAML expands to more than \(limits.maxNodes) values; aliases repeat their anchor's content each time they are used",
                hint: "write the values out, or use fewer aliases of large anchors")
        }
        if depth > limits.maxDepth {
            throw DeclarationError(
                at: location, "the YAML nests lists and mappings more than \(limits.maxDepth) levels deep",
                hint: "a declaration needs only a few levels; flatten the structure")
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(content: .scalar(YAMLScalar(text: scalar.string, kind: Self.kind(of: node))),
                            location: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try build(item, depth: depth + 1, fallback: location))
            }
            return YAMLNode(content: .sequence(items), location: location)
        case .mapping(let mapping):
            var explicit: [YAMLPair] = []
            var merged: [YAMLPair] = []
            for (keyNode, valueNode) in mapping {
                let key = try build(keyNode, depth: depth + 1, fallback: location)
                let value = try build(valueNode, depth: depth + 1, fallback: location)
                if key.scalar?.kind == .merge {
                    merged.append(contentsOf: try mergedPairs(from: value))
                } else {
                    explicit.append(YAMLPair(key: key, value: value))
                }
            }
            var seen = Set(explicit.compactMap { $0.key.scalar?.text })
            for pair in merged {
                guard let text = pair.key.scalar?.text else { continue }
                if seen.insert(text).inserted { explicit.append(pair) }
            }
            return YAMLNode(content: .mapping(explicit), location: location)
        case .alias(let alias):
            // The parser resolves aliases itself; an unresolved one cannot be decoded.
            throw DeclarationError(at: location, "the alias *\(alias.anchor.rawValue) refers to no anchor")
        }
    }

    /// The pairs a merge key brings in: from one mapping, or from a list of mappings in order.
    private func mergedPairs(from value: YAMLNode) throws(DeclarationError) -> [YAMLPair] {
        switch value.content {
        case .mapping(let pairs):
            return pairs
        case .sequence(let items):
            var pairs: [YAMLPair] = []
            for item in items {
                guard case .mapping(let itemPairs) = item.content else {
                    throw DeclarationError(at: item.location,
                                           "a merge key (<<) takes a mapping or a list of mappings, found \(item.kindDescription)")
                }
                pairs.append(contentsOf: itemPairs)
            }
            return pairs
        case .scalar:
            throw DeclarationError(at: value.location,
                                   "a merge key (<<) takes a mapping or a list of mappings, found \(value.kindDescription)")
        }
    }

    /// The scalar's type by YAML's resolution rules (Yams resolves plain scalars; quoted ones are strings).
    private static func kind(of node: Node) -> YAMLScalar.Kind {
        switch node.tag.description {
        case Tag.Name.str.rawValue, "tag:yaml.org,2002:value": return .string
        case Tag.Name.int.rawValue: return .integer
        case Tag.Name.float.rawValue: return .float
        case Tag.Name.bool.rawValue: return .boolean
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.timestamp.rawValue: return .timestamp
        case Tag.Name.merge.rawValue: return .merge
        case let other: return .other(other)
        }
    }
}
