extension Zone {
    /// The position in the record table (for `record(index:)`) of the record each given entry of the
    /// zone's files writes, nil for an entry that writes none (a comment line, a directive, a
    /// `$GENERATE`, out-of-zone data).
    ///
    /// Found in one pass over the table comparing offsets, nothing decoded, so a caller that knows
    /// some lines of a large zone (those carrying a comment it looks for) need not build every record.
    public func recordIndices(writtenBy entries: [(fileIndex: Int, entryIndex: Int)]) -> [Int?] {
        var result = [Int?](repeating: nil, count: entries.count)
        guard !entries.isEmpty else { return result }
        // Per file, the wanted entries' byte ranges sorted by start, each with its position in `entries`.
        // An array by file index, not a dictionary: it is asked once for each record of the zone.
        var wanted = [[(range: Range<Int>, position: Int)]](repeating: [], count: files.count)
        for (position, entry) in entries.enumerated() {
            guard files.indices.contains(entry.fileIndex),
                files[entry.fileIndex].entries.indices.contains(entry.entryIndex)
            else { continue }
            wanted[entry.fileIndex].append((files[entry.fileIndex].entries[entry.entryIndex].range, position))
        }
        for file in wanted.indices { wanted[file].sort { $0.range.lowerBound < $1.range.lowerBound } }
        for index in store.slots.indices {
            let slot = store[index]
            guard !slot.flags.contains(.generated), !slot.flags.contains(.outOfZone), Int(slot.file) < wanted.count
            else { continue }
            let ranges = wanted[Int(slot.file)]
            guard !ranges.isEmpty else { continue }
            // An empty RDATA starts where its entry's text ends: look one byte back, inside the entry.
            let offset = Int(slot.rdataStart) - (slot.rdataLength == 0 ? 1 : 0)
            var low = 0
            var high = ranges.count - 1
            while low <= high {
                let middle = (low + high) / 2
                if offset < ranges[middle].range.lowerBound {
                    high = middle - 1
                } else if offset >= ranges[middle].range.upperBound {
                    low = middle + 1
                } else {
                    if result[ranges[middle].position] == nil { result[ranges[middle].position] = index }
                    break
                }
            }
        }
        return result
    }
}
