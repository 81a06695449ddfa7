/// Bounds on what a YAML file may make mailzone do.
///
/// A declaration is a few hundred nodes. Anchors and aliases let a small file
/// describe an exponentially large tree ("billion laughs"), and deep nesting makes
/// recursive walkers overflow the stack; both are refused with an error instead.
struct YAMLLimits: Sendable {
    /// Nodes visited while expanding the document, aliases counted each time they are used.
    var maxNodes: Int = 100_000
    /// Depth of nested lists and mappings.
    var maxDepth: Int = 64
    /// Size of the file in bytes; a declaration is a few kilobytes.
    var maxBytes: Int = 4 * 1024 * 1024

    static let standard = YAMLLimits()
}
