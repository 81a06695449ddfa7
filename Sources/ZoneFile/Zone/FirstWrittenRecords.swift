/// Where each distinct record was first written, by the hash of its owner, type and canonical RDATA,
/// so the zone checks can name both lines of an exact duplicate (RFC 2181 §5).
///
/// Open addressing over one flat array of hash-and-place entries, probed with the hash itself: the keys
/// are hashes already, so they are not hashed again (a `Dictionary<Int, Place>` hashed each once more
/// and reallocated its buckets as it grew, a sixth of a million-record load), and a probe reads one
/// 16-byte entry, not a key and a value in two places. At most three quarters full.
struct FirstWrittenRecords: Sendable {
    private struct Entry: Sendable {
        /// The record hash; 0 marks an empty entry (a hash of 0 is stored as 1).
        var hash: UInt64
        var place: ZoneChecks.Place
    }

    private var entries: [Entry] = []
    private var count = 0

    /// The place first recorded for `hash`; when there is none, records `place` for it and returns nil.
    mutating func firstPlace(of hash: Int, else place: ZoneChecks.Place) -> ZoneChecks.Place? {
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let key = hash == 0 ? 1 : UInt64(bitPattern: Int64(hash))
        let found = entries.withUnsafeMutableBufferPointer { table -> ZoneChecks.Place? in
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: key) & mask
            while table[slot].hash != 0 {
                if table[slot].hash == key { return table[slot].place }
                slot = (slot + 1) & mask
            }
            table[slot] = Entry(hash: key, place: place)
            return nil
        }
        if found == nil { count += 1 }
        return found
    }

    private mutating func grow() {
        let size = max(1024, entries.count * 2)
        var larger = [Entry](repeating: Entry(hash: 0, place: ZoneChecks.Place(file: 0, offset: 0)), count: size)
        larger.withUnsafeMutableBufferPointer { table in
            let mask = size - 1
            for entry in entries where entry.hash != 0 {
                var slot = Int(truncatingIfNeeded: entry.hash) & mask
                while table[slot].hash != 0 { slot = (slot + 1) & mask }
                table[slot] = entry
            }
        }
        entries = larger
    }
}
