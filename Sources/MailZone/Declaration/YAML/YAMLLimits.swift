/// Bounds on what a YAML file may make mailzone do.
///
/// A declaration is usually a few hundred nodes; a hosting provider's, with a zone and a
/// sender for each of thousands of domains, a few hundred thousand. Anchors and aliases
/// let a small file describe an exponentially large tree ("billion laughs"), and deep
/// nesting makes recursive walkers overflow the stack; both are refused with an error.
struct YAMLLimits: Sendable {
    /// Nodes visited while expanding the document, aliases counted each time they are used.
    /// A larger file may have more: see `nodeCap(forBytes:)`.
    var maxNodes: Int = 100_000
    /// Depth of nested lists and mappings.
    var maxDepth: Int = 64
    /// Size of the file in bytes: room for some 25,000 zones, each with a sender and its DKIM key.
    var maxBytes: Int = 16 * 1024 * 1024

    /// Bytes of the file that earn one node above `maxNodes`. A node written out takes
    /// about 10 bytes or more in a real declaration (`- origin: a.example.` is 3 nodes in
    /// 22 bytes, a DKIM key 1 in 400), so a file without aliases does not reach the cap;
    /// with aliases, the tree stays linear in the file's size (at most `maxBytes / 4`
    /// nodes) instead of exponential.
    static let bytesPerNode = 4

    static let standard = YAMLLimits()

    /// The node cap for a file of `bytes` bytes: `maxNodes`, or one node per
    /// `bytesPerNode` bytes of a large file.
    func nodeCap(forBytes bytes: Int) -> Int {
        max(maxNodes, bytes / Self.bytesPerNode)
    }
}
