/// Columns aligned with spaces, for the tables `records` and `presets` print.
///
/// The last column is not padded, so lines carry no trailing spaces and a long
/// value (a DKIM key) does not widen the table; empty trailing cells are dropped.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Text before every line.
    public var indent: String

    public init(header: [String], rows: [[String]] = [], indent: String = "") {
        self.header = header
        self.rows = rows
        self.indent = indent
    }

    public func render() -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var out = ""
        for row in all {
            var cells: [String] = []
            for (index, cell) in row.enumerated() {
                cells.append(index < row.count - 1 ? cell.padded(to: widths[index]) : cell)
            }
            var line = indent + cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
