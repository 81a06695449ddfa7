extension String.UTF8View {
    /// `allSatisfy`, read from the string's own storage when it has one (a native string, the
    /// usual case) rather than through the view's iterator, which checks the string's form at
    /// each byte: a DKIM key is some 400 bytes, checked once as it is read from the declaration
    /// and once as each plan line shows it, for every sender.
    @inline(__always)
    func allBytesSatisfy(_ predicate: (UInt8) -> Bool) -> Bool {
        withContiguousStorageIfAvailable { $0.allSatisfy(predicate) } ?? allSatisfy(predicate)
    }

    /// `contains(where:)`, read from the string's own storage when it has one (see `allBytesSatisfy`).
    @inline(__always)
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? contains(where: predicate)
    }
}
