import ZoneFile

/// The edit check's quick way to a yes: each record the re-read found only in the edited text is paired
/// with a record the plan writes, and each found only in the old text with a record the plan takes out.
///
/// Records are paired by owner and type, told by the ids of the re-read's name table (which the old zone's
/// shares), so no name is built and nothing is hashed but the plan's owners; the RDATA of a pair is compared
/// where the re-read kept it. A record the plan takes out is the very record of the old zone (the same
/// position in its record table). When every record pairs, the records are exactly the old ones plus the
/// plan, as `PlanCheck` asks; anything else (a record that pairs with none, an owner the plan names that the
/// zone lacks, a record rewritten in its place, a moved one) is no answer, and the check counts by meaning
/// as before, which also says what differs. So a wrong edit is told by the same words as ever.
enum PlannedRecordPairing {
    /// A record of either side as the pairing sorts it: owner id and type in one key, and which record.
    private struct Entry {
        /// The owner id in the high bits, the type in the low 16.
        var key: UInt64
        /// The operation (planned side) or the position in the edited zone's record table (re-read side).
        var index: Int

        init(owner: UInt32, type: RRType, index: Int) {
            self.key = UInt64(owner) << 16 | UInt64(type.rawValue)
            self.index = index
        }
    }

    /// Records of one owner and type beyond which the pairing gives up (each is compared with each); a group's
    /// planned records that are paired already are one bit each of a `UInt64`.
    static let largestGroup = 64

    /// Whether the re-read's records pair one to one with the plan's `operations` (see the type's comment):
    /// true only when the edited zone's records are the old ones minus what the plan replaces or removes, plus
    /// what it creates or writes anew.
    static func pairs(old: Zone, reread: ZoneReread, operations: [RecordOperation]) -> Bool {
        var planned: [Entry] = []
        planned.reserveCapacity(reread.onlyNew.count)
        var takenOut: [Int] = []
        takenOut.reserveCapacity(reread.onlyOld.count)
        for index in operations.indices {
            switch operations[index].kind {
            case .create(let type, _, _, _):
                guard let owner = reread.ownerID(of: operations[index].owner) else { return false }
                planned.append(Entry(owner: owner, type: type, index: index))
            case .replace(let existing, _, _):
                // Every copy of a record written more than once is edited alike (`ZoneEditor.copies`).
                guard let owner = reread.ownerID(of: existing.owner), let copies = copies(of: existing, in: old)
                else { return false }
                takenOut += copies
                for _ in copies { planned.append(Entry(owner: owner, type: existing.type, index: index)) }
            case .remove(let existing):
                guard let copies = copies(of: existing, in: old) else { return false }
                takenOut += copies
            }
            if planned.count > reread.onlyNew.count || takenOut.count > reread.onlyOld.count { return false }
        }
        guard planned.count == reread.onlyNew.count, takenOut.count == reread.onlyOld.count else { return false }
        // What the edited text lacks is exactly what the plan takes out, record for record.
        takenOut.sort()
        guard takenOut == reread.onlyOld.sorted() else { return false }

        var written: [Entry] = []
        written.reserveCapacity(reread.onlyNew.count)
        for index in reread.onlyNew {
            let (owner, type) = reread.ownerAndType(ofRecord: index)
            written.append(Entry(owner: owner, type: type, index: index))
        }
        planned.sort { $0.key < $1.key }
        written.sort { $0.key < $1.key }
        // Group by group of one owner and type, each record written paired with a planned one of equal RDATA.
        var start = 0
        while start < written.count {
            let key = written[start].key
            var end = start + 1
            while end < written.count, written[end].key == key { end += 1 }
            guard end - start <= largestGroup, planned[start].key == key, planned[end - 1].key == key,
                end == planned.count || planned[end].key != key
            else { return false }
            var paired: UInt64 = 0
            for entry in written[start..<end] {
                guard
                    let slot = (start..<end).first(where: { position in
                        paired & 1 << UInt64(position - start) == 0
                            && reread.hasRData(rdata(of: operations[planned[position].index]), record: entry.index)
                    })
                else { return false }
                paired |= 1 << UInt64(slot - start)
            }
            start = end
        }
        return true
    }

    /// The RDATA an operation writes (a removal, which writes none, is never asked: its record's).
    private static func rdata(of operation: RecordOperation) -> RData {
        switch operation.kind {
        case .create(_, let rdata, _, _), .replace(_, let rdata, _): return rdata
        case .remove(let existing): return existing.rdata
        }
    }

    /// The positions in `zone`'s record table of `record` and the other lines that write it (owner, type and
    /// data), as `ZoneEditor.copies(of:in:)` finds them; nil when the zone's table has none.
    private static func copies(of record: Record, in zone: Zone) -> [Int]? {
        let copies = zone.recordIndices(at: record.owner, type: record.type).filter { index in
            zone.recordData(index: index).rdata == record.rdata
        }
        return copies.isEmpty ? nil : copies
    }
}
