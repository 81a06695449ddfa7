/// A position in a YAML file, as people and editors count it: lines and columns from 1.
///
/// Every decoded element keeps one, so that an error found long after decoding
/// (a planner conflict, an unknown preset) can still point at the line the user wrote.
/// Line and column are stored in 32 bits each (a declaration is at most 16 MiB): a large
/// declaration holds some twenty locations per sender.
public struct YAMLLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as it should be shown to the user (the path given on the command line).
    public var file: String
    private var storedLine: Int32
    private var storedColumn: Int32

    /// Line number, starting at 1.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// Column number, starting at 1, counted in Unicode scalars (as libyaml counts).
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// `file:line:column`, the prefix editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: YAMLLocation, rhs: YAMLLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A decoded value together with where it was written.
public struct Located<Value> {
    public var value: Value
    public var location: YAMLLocation

    public init(_ value: Value, at location: YAMLLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
