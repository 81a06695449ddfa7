/// ANSI styling for terminal output; every function is the identity when colour is off.
public struct TextStyle: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func wrap(_ code: String, _ text: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    public func bold(_ text: String) -> String { wrap("1", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
    public func yellow(_ text: String) -> String { wrap("33", text) }
    public func red(_ text: String) -> String { wrap("31", text) }
    public func cyan(_ text: String) -> String { wrap("36", text) }
    public func dim(_ text: String) -> String { wrap("2", text) }
}
