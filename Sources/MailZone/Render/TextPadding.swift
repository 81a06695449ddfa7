extension String {
    /// The text followed by spaces up to `width` characters, for the aligned columns of the text
    /// outputs. Text as wide or wider is left whole: a column is never cut.
    func padded(to width: Int) -> String {
        let missing = width - count
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
