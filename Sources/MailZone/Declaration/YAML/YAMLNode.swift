/// A YAML value with its position, detached from Yams.
///
/// Built once from Yams' `Node` graph under limits (see `YAMLTreeBuilder`), so the
/// decoders walk a plain value tree: aliases already expanded, merge keys (`<<`)
/// already applied, every node carrying the line and column it came from.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var location: YAMLLocation

    /// How the node is named in "expected X, found Y".
    var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let scalar): return scalar.kind.description
        }
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var isNull: Bool { scalar?.kind == .null }
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
