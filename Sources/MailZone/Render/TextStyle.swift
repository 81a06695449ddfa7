/// ANSI styling for terminal output; every function is the identity when colour is off.
public struct TextStyle: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func wrap(_ code: String, _ text: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// Appends what `write` writes to `out`, wrapped as `wrap` wraps text: a line built in place, not
    /// made as a string of its own first.
    func append(_ code: String, to out: inout String, _ write: (inout String) -> Void) {
        if color { out += "\u{1B}[\(code)m" }
        write(&out)
        if color { out += "\u{1B}[0m" }
    }

    public func bold(_ text: String) -> String { wrap("1", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
    public func yellow(_ text: String) -> String { wrap("33", text) }
    public func red(_ text: String) -> String { wrap("31", text) }
    public func cyan(_ text: String) -> String { wrap("36", text) }
    public func dim(_ text: String) -> String { wrap("2", text) }
}
