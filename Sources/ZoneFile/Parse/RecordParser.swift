import Foundation

/// Reads one record entry: `[owner] [ttl] [class] type rdata` (TTL and class in
/// either order), as BIND does.
extension LoaderState {
    mutating func interpretRecord(
        source: SourceFile, buffer: UnsafeBufferPointer<UInt8>, entryStart: Int,
        blankOwner: Bool, context: inout FileContext
    ) -> Bool {
        // From here on, `tokens` are the entry's fields, read in place.
        let tokens = compactFields(marksIn: buffer, fileIndex: context.fileIndex)
        let fieldCount = tokens.count
        var cursor = 0

        // Owner.
        let ownerID: UInt32
        if blankOwner {
            guard let last = context.lastOwner else {
                report(.ownerMissing, source: source, offset: tokens[0].start)
                return false
            }
            ownerID = last
            if context.originChangedSinceOwner, let origin = context.origin {
                report(
                    .ownerInheritedAfterOrigin(owner: names.name(last), origin: origin), source: source,
                    offset: tokens[0].start)
                context.originChangedSinceOwner = false
            }
        } else {
            let token = tokens[0]
            cursor = 1
            guard token.kind == .word else {
                report(.ownerQuoted, source: source, offset: token.start - 1)
                return false
            }
            // Fast path: the same owner text as the previous owner line, under the same origin.
            let length = token.end - token.start
            if let last = context.lastOwner, context.lastOwnerOrigin == context.originID,
                context.lastOwnerLength == length,
                let base = buffer.baseAddress, memcmp(base + token.start, base + context.lastOwnerStart, length) == 0
            {
                ownerID = last
            } else {
                if let ahead = ownerLookahead.intern(
                    start: token.start, end: token.end, fileIndex: context.fileIndex, originID: context.originID,
                    into: &names)
                {
                    ownerID = ahead
                } else {
                    guard
                        let id = readName(
                            UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]), source: source,
                            offset: token.start,
                            context: &context, what: "owner name")
                    else { return false }
                    ownerID = id
                }
                context.lastOwner = ownerID
                context.lastOwnerStart = token.start
                context.lastOwnerLength = length
                context.lastOwnerOrigin = context.originID
                context.originChangedSinceOwner = false
            }
        }

        guard
            let prefix = readTTLAndClass(
                tokens, cursor: &cursor, end: fieldCount, wordsOnly: true, source: source, buffer: buffer)
        else { return false }

        // Type.
        guard cursor < fieldCount else {
            report(.typeMissing, source: source, offset: tokens[max(0, cursor - 1)].start)
            return false
        }
        let typeToken = tokens[cursor]
        cursor += 1
        guard typeToken.kind == .word,
            let type = RRType.parse(UnsafeBufferPointer(rebasing: buffer[typeToken.start..<typeToken.end]))
        else {
            let text = source.text(typeToken.start..<typeToken.end)
            if typeToken.kind == .word, TTLParser.looksLikeTTL(buffer[typeToken.start]) {
                report(.typeLooksLikeTTL(text: text), source: source, offset: typeToken.start)
            } else {
                report(.unknownType(text: text), source: source, offset: typeToken.start)
            }
            return false
        }
        if type.isMetaType {
            report(.metaType(type: type), source: source, offset: typeToken.start)
            return false
        }

        // RDATA.
        let firstRData = cursor
        let rdataStart = firstRData < fieldCount ? tokens[firstRData].fullRange.lowerBound : typeToken.end
        let rdataEnd = firstRData < fieldCount ? tokens[fieldCount - 1].fullRange.upperBound : typeToken.end
        guard let origin = context.origin else {
            report(.rdataWithoutOrigin, source: source, offset: rdataStart)
            return false
        }
        // The common types in their plain spelling straight from the tokens into the wire buffer; the rest,
        // and whatever that path declines, through the general reader, which also words the diagnostic.
        let rdataFields = UnsafeBufferPointer(rebasing: tokens[firstRData..<fieldCount])
        startRData(room: CommonRData.room(rdataFields))
        let start = wireStart
        if let end = wire.withUnsafeMutableBufferPointer({ out in
            CommonRData.write(type, fields: rdataFields, in: buffer, origin: origin, to: out, at: start)
        }) {
            wireEnd = end
        } else {
            fields.removeAll(keepingCapacity: true)
            fieldText.removeAll(keepingCapacity: true)
            fieldText.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[rdataStart..<rdataEnd]))
            for token in rdataFields {
                let range = (token.start - rdataStart)..<(token.end - rdataStart)
                fields.append(RDataField(bytes: fieldText[range], quoted: token.kind == .quoted))
            }
            do {
                try encodeGeneralRData(type: type, fields: fields, origin: origin)
            } catch {
                let offset =
                    error.field.map { tokens[firstRData + min($0, fieldCount - firstRData - 1)].start } ?? rdataEnd
                report(
                    .invalidRData(type: type, reason: error.message), source: source,
                    offset: fieldCount > firstRData ? offset : typeToken.end)
                return false
            }
        }

        return addRecord(
            owner: ownerID, ttl: prefix.ttl, ttlOffset: prefix.ttlOffset, rrClass: prefix.rrClass, type: type,
            rdataRange: rdataStart..<rdataEnd,
            entryStart: entryStart, flags: [], source: source, fileIndex: context.fileIndex, originID: context.originID,
            ownerOffset: tokens[0].start)
    }

    /// How far into `wire` a record's RDATA may start before `startRData` starts from its beginning again.
    static let wireReuse = 16_384

    /// Starts the RDATA of a record after the last record's in `wire`, with `room` octets after it to
    /// write in (the buffer lengthened when short), or at its beginning again once past `wireReuse`. The
    /// buffer is not emptied per record: emptying an array costs a call and a check that its storage is
    /// not shared, and doing it per record cost more than the octets of the addresses and names.
    @inline(__always)
    mutating func startRData(room: Int) {
        wireStart = wireEnd > LoaderState.wireReuse ? 0 : wireEnd
        wireEnd = wireStart
        if wire.count < wireStart + room {
            wire.append(contentsOf: repeatElement(0, count: wireStart + room - wire.count))
        }
    }

    /// Reads RDATA with the general reader (`encodeRData`), which appends to an array of its own
    /// (`generalWire`), and copies it into `wire` where `startRData` places it; `wire` is not emptied, so
    /// the records after it find their room there still.
    mutating func encodeGeneralRData(type: RRType, fields: [RDataField], origin: DomainName) throws(RDataError) {
        generalWire.removeAll(keepingCapacity: true)
        try LoaderState.encodeRData(type: type, fields: fields, origin: origin, into: &generalWire)
        startRData(room: generalWire.count)
        wire.replaceSubrange(wireStart..<(wireStart + generalWire.count), with: generalWire)
        wireEnd = wireStart + generalWire.count
    }

    /// Encodes RDATA, handling RFC 3597's `\# LENGTH HEX` for every type.
    static func encodeRData(
        type: RRType, fields: [RDataField], origin: DomainName,
        into wire: inout [UInt8]
    ) throws(RDataError) {
        if let first = fields.first, !first.quoted, first.bytes.count == 2,
            first.bytes[first.bytes.startIndex] == 0x5C, first.bytes[first.bytes.startIndex + 1] == 0x23,
            type != .txt || LoaderState.isDecimal(fields.dropFirst().first)
        {
            // In TXT, `\#` not followed by a length is the text "#" (BIND reads it so).
            let start = wire.count
            try RDataCodec.encodeGeneric(fields.dropFirst(), into: &wire)
            guard wire.count - start <= RDataLength.maxLoadable else { throw RDataLength.tooLong(wire.count - start) }
            try LoaderState.validateGeneric(type, wire: wire[start...])
            return
        }
        try RDataCodec.encode(type, fields: fields, origin: origin, into: &wire)
        guard wire.count <= RDataLength.maxLoadable else { throw RDataLength.tooLong(wire.count) }
    }

    /// Checks that generic (`\#`) RDATA of a type with a known format is valid for that type, as
    /// RFC 3597 §5 requires: `A \# 5 0A00000100` is refused because an A RDATA has four octets.
    static func validateGeneric(_ type: RRType, wire: ArraySlice<UInt8>) throws(RDataError) {
        guard let format = RRTypeTable.description(for: type)?.format else { return }
        // Valid means: it decodes to the end, and what it decodes to reads back (an empty TXT does not).
        var reader = WireReader(wire)
        var valid = false
        if let text = try? format.present(&reader), reader.isAtEnd {
            var scratch: [UInt8] = []
            valid = (try? RDataCodec.encode(type, fields: RDataField.split(text), origin: .root, into: &scratch)) != nil
        }
        guard valid else {
            throw RDataError("generic RDATA of \(wire.count) octets is not valid \(type) RDATA (RFC 3597 §5)", field: 0)
        }
    }

    /// True when `field` is an unquoted, non-empty run of decimal digits.
    static func isDecimal(_ field: RDataField?) -> Bool {
        guard let field, !field.quoted, !field.bytes.isEmpty else { return false }
        return field.bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `value`, or 0 (with a warning) when it is above 2^31 − 1 (RFC 2181 §8), as BIND reads it;
    /// `label` names the TTL in the warning (`TTL`, `$TTL`).
    mutating func clampedTTL(_ value: UInt32, label: String, source: SourceFile, offset: Int) -> UInt32 {
        guard value > 0x7FFF_FFFF else { return value }
        report(.ttlAboveMaximum(label: label, value: value), source: source, offset: offset)
        return 0
    }

    /// Resolves the TTL by BIND's rules and stores the record.
    mutating func addRecord(
        owner: UInt32, ttl explicitTTL: UInt32?, ttlOffset: Int, rrClass: RRClass?, type: RRType,
        rdataRange: Range<Int>, entryStart: Int, flags initialFlags: RecordSlot.Flags,
        source: SourceFile, fileIndex: Int, originID: UInt32, ownerOffset: Int
    ) -> Bool {
        var flags = initialFlags
        let ttl: UInt32
        if let written = explicitTTL {
            let value = clampedTTL(written, label: "TTL", source: source, offset: ttlOffset)
            ttl = value
            inheritedTTL.previousTTL = value
            flags.insert(.explicitTTL)
        } else if let value = inheritedTTL.defaultTTL {
            ttl = value
        } else if let value = inheritedTTL.previousTTL {
            ttl = value
            if !inheritedTTL.warnedRFC1035 {
                inheritedTTL.warnedRFC1035 = true
                report(.ttlFromPreviousRecord, source: source, offset: entryStart)
            }
        } else if type == .soa, let minimum = RData(type: .soa, wire: Array(wire[wireStart..<wireEnd])).soaMinimum {
            report(.ttlFromSOAMinimum(minimum: minimum), source: source, offset: entryStart)
            ttl = minimum
            // BIND makes the SOA MINIMUM the default TTL, as if `$TTL` had said it: later records
            // without a TTL take it even after a record with an explicit TTL.
            inheritedTTL.defaultTTL = minimum
        } else {
            report(.ttlMissing, source: source, offset: entryStart)
            return false
        }
        let recordClass = rrClass ?? policy.options.zoneClass
        if recordClass != policy.options.zoneClass {
            report(
                .classMismatch(recordClass: recordClass, zoneClass: policy.options.zoneClass), source: source,
                offset: entryStart)
            return false
        }
        if tally.records >= policy.options.maxRecords {
            if !tally.reportedTooManyRecords {
                tally.reportedTooManyRecords = true
                report(.tooManyRecords(limit: policy.options.maxRecords), source: source, offset: entryStart)
            }
            return false
        }
        // One binding of the origin for both uses: each copies it out of the state (a retain and a release).
        if let zoneOrigin {
            if outOfZone.contains(owner, names: names, zoneOrigin: zoneOrigin) {
                report(.outOfZone(owner: names.name(owner), origin: zoneOrigin), source: source, offset: ownerOffset)
                flags.insert(.outOfZone)
            } else {
                if apexID == nil { apexID = names.lookup(zoneOrigin) }
                let place = ZoneChecks.Place(
                    file: UInt16(truncatingIfNeeded: fileIndex), offset: UInt32(truncatingIfNeeded: entryStart))
                let atApex = owner == apexID
                wire.withUnsafeBufferPointer { wire in
                    checks.observe(
                        owner: owner, type: type, place: place, atApex: atApex,
                        rdata: UnsafeBufferPointer(rebasing: wire[wireStart..<wireEnd]), names: names)
                }
            }
        }
        tally.records += 1
        // Without a pairing (a first reading) nothing is unpaired: asked only of a re-read.
        if policy.options.keepRecords
            || (pairing != nil
                && unpaired(
                    owner: owner, type: type, rdataRange: rdataRange, flags: flags, source: source, originID: originID))
        {
            records.append(
                RecordSlot(
                    owner: owner, ttl: ttl, rdataStart: UInt32(truncatingIfNeeded: rdataRange.lowerBound),
                    rdataLength: 0, type: type.rawValue, file: UInt16(truncatingIfNeeded: fileIndex),
                    flags: flags),
                rdataLength: rdataRange.count, origin: originID)
        }
        return true
    }

    /// When re-reading an edited zone, whether the record is to be kept: true when no record of the old
    /// zone is written the same way near its place (or its type is left out of the pairing). Out-of-zone
    /// data is neither paired nor kept.
    mutating func unpaired(
        owner: UInt32, type: RRType, rdataRange: Range<Int>, flags: RecordSlot.Flags,
        source: SourceFile, originID: UInt32
    ) -> Bool {
        guard pairing != nil, !flags.contains(.outOfZone) else { return false }
        let text = flags.contains(.generated) ? SourceBytes(generatedText) : source.bytes
        let kept = pairing?.pair(owner: owner, type: type, origin: originID, text: text, rdata: rdataRange) == false
        // Its RDATA as just read, so the check that compares it by meaning does not read it again.
        if kept { pairing?.keep(rdata: wire[wireStart..<wireEnd]) }
        return kept
    }

    /// Reads a name relative to the context's origin and interns it; reports and returns nil when invalid.
    mutating func readName(
        _ text: UnsafeBufferPointer<UInt8>, source: SourceFile, offset: Int, context: inout FileContext,
        what: String
    ) -> UInt32? {
        nameScratch.removeAll(keepingCapacity: true)
        let absolute = text.last == UInt8(ascii: ".") && !LoaderState.endsWithEscapedDot(text)
        if !absolute, context.origin == nil {
            report(
                .relativeNameWithoutOrigin(role: what, text: String(decoding: text, as: UTF8.self)), source: source,
                offset: offset)
            return nil
        }
        do {
            try NameParser.append(text, origin: context.origin ?? .root, to: &nameScratch)
        } catch {
            report(
                .invalidName(role: what, text: String(decoding: text, as: UTF8.self), reason: "\(error)"),
                source: source, offset: offset)
            return nil
        }
        if zoneOrigin == nil {
            // No origin given: the first absolute owner (normally the SOA's) defines the zone.
            zoneOrigin = DomainName(uncheckedWire: nameScratch)
            if let zoneOrigin { names.setSuffix(zoneOrigin) }
            context.origin = zoneOrigin
            context.originID = names.intern(nameScratch[...])
        }
        return names.intern(nameScratch[...])
    }

    static func endsWithEscapedDot<Bytes: RandomAccessCollection<UInt8>>(_ text: Bytes) -> Bool
    where Bytes.Index == Int {
        // A trailing "\." is an escaped dot, not the root; count the backslashes before it.
        var backslashes = 0
        var index = text.endIndex - 2
        while index >= text.startIndex, text[index] == 0x5C {
            backslashes += 1
            index -= 1
        }
        return backslashes % 2 == 1
    }

    /// Reads a TTL field; reports and returns nil when invalid.
    mutating func readTTL<Text: RandomAccessCollection<UInt8>>(_ text: Text, source: SourceFile, offset: Int) -> UInt32?
    where Text.Index == Int {
        switch TTLParser.parse(text) {
        case .success(let value):
            return value
        case .failure(let failure):
            let shown = String(decoding: text, as: UTF8.self)
            switch failure {
            case .unknownUnit(let unit):
                let position = text.firstIndex(of: unit) ?? text.startIndex
                report(
                    .ttlUnknownUnit(text: shown, unit: String(decoding: [unit], as: UTF8.self)), source: source,
                    offset: offset + (position - text.startIndex))
            case .notANumber:
                report(.ttlWithoutNumber(text: shown), source: source, offset: offset)
            case .overflow:
                report(.ttlOverflow(text: shown), source: source, offset: offset)
            }
            return nil
        }
    }
}
