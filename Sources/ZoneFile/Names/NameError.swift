/// Why a name in presentation form could not be read.
public enum NameError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case emptyLabel
    case labelTooLong(Int)
    case nameTooLong(Int)
    case badEscape
    case relativeWithoutOrigin

    public var description: String {
        switch self {
        case .empty: "empty name"
        case .emptyLabel: "empty label (two dots in a row, or a leading dot)"
        case .labelTooLong(let length): "label is \(length) octets long; the limit is 63"
        case .nameTooLong(let length): "name is \(length) octets long; the limit is 255"
        case .badEscape: "bad escape: use \\DDD with a decimal value 0-255, or \\ before one character"
        case .relativeWithoutOrigin: "relative name, but no origin is known"
        }
    }
}
