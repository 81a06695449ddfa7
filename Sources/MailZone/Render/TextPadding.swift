extension String {
    /// The text followed by spaces up to `width` characters, for the aligned columns of the text
    /// outputs. Text as wide or wider is left whole: a column is never cut.
    func padded(to width: Int) -> String {
        let missing = width - characterCount
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }

    /// `count`, answered from the UTF-8 length where each byte is one character (ASCII without a
    /// carriage return, which joins a following line feed into one character): the text outputs measure
    /// every owner of every plan for their columns, and counting walks the text as graphemes.
    var characterCount: Int {
        utf8.allBytesSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } ? utf8.count : count
    }
}
