/// Reads names in presentation form (RFC 1035 §5.1) straight into wire format,
/// appending to a caller's buffer so the hot path allocates nothing.
enum NameParser {
    /// Appends the wire form of `text` (relative names completed with `origin`) to `buffer`.
    /// `@` alone is the origin. Escapes: `\.` and any `\X` take X literally, `\DDD` is a decimal octet.
    static func append(_ text: ArraySlice<UInt8>, origin: DomainName, to buffer: inout [UInt8]) throws(NameError) {
        try text.withUnsafeBufferPointer { (text) throws(NameError) in try append(text, origin: origin, to: &buffer) }
    }

    /// Appends the wire form of `text`, read in place (a zone's owners and targets are read from the
    /// file's bytes): labels without escapes are copied whole, the rest is read byte by byte.
    static func append(
        _ text: UnsafeBufferPointer<UInt8>, origin: DomainName, to buffer: inout [UInt8]
    ) throws(NameError) {
        guard !text.isEmpty else { throw .empty }
        if text.count == 1 {
            let only = text[0]
            if only == UInt8(ascii: "@") {
                appendOrigin(origin, to: &buffer)
                return
            }
            if only == UInt8(ascii: ".") {
                buffer.append(0)
                return
            }
        }
        if try appendPlain(text, origin: origin, to: &buffer) { return }
        try appendEscaped(text, origin: origin, to: &buffer)
    }

    /// Appends the origin's wire form through a view of its bytes: `append(contentsOf:)` takes an array
    /// as its own (a retain and a release), and a zone's relative names are each completed with the origin.
    @inline(__always)
    private static func appendOrigin(_ origin: DomainName, to buffer: inout [UInt8]) {
        origin.wire.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    }

    /// Appends `text` when it has no escape; false, with nothing appended, at the first backslash. The name
    /// is put together in scratch memory on the stack (`writePlain`) and appended once when valid: each
    /// append and each removal of an array checks its storage is not shared.
    private static func appendPlain(
        _ text: UnsafeBufferPointer<UInt8>, origin: DomainName, to buffer: inout [UInt8]
    ) throws(NameError) -> Bool {
        let room = text.count + 1 + origin.wire.count
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) {
            scratch -> Result<Bool, NameError> in
            guard let base = scratch.baseAddress else { return .success(false) }
            do throws(NameError) {
                guard let length = try writePlain(text, origin: origin, to: base) else { return .success(false) }
                buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: length))
                return .success(true)
            } catch {
                return .failure(error)
            }
        }
        switch written {
        case .success(let appended): return appended
        case .failure(let error): throw error
        }
    }

    /// Writes the wire form of `text` (relative names completed with `origin`; `@` alone is the origin) at
    /// `out`, which has room for `text.count + 1 + origin.wire.count` octets, and returns its length; nil
    /// when `text` has an escape (for `append`, which reads those). It throws what `append` throws. The
    /// loader writes the names of RDATA straight into its wire buffer so (`CommonRData`).
    static func write(
        _ text: UnsafeBufferPointer<UInt8>, origin: DomainName, to out: UnsafeMutablePointer<UInt8>
    ) throws(NameError) -> Int? {
        guard !text.isEmpty else { throw .empty }
        if text.count == 1 {
            if text[0] == UInt8(ascii: "@") { return writeOrigin(origin, to: out) }
            if text[0] == UInt8(ascii: ".") {
                out.pointee = 0
                return 1
            }
        }
        return try writePlain(text, origin: origin, to: out)
    }

    /// Copies the origin's wire form to `out`; returns its length.
    @inline(__always)
    private static func writeOrigin(_ origin: DomainName, to out: UnsafeMutablePointer<UInt8>) -> Int {
        origin.wire.withUnsafeBufferPointer { wire in
            if let source = wire.baseAddress { out.update(from: source, count: wire.count) }
            return wire.count
        }
    }

    /// Writes `text`, which has no escape, at `out` (room as `write` says) and returns the length; nil, at
    /// the first backslash. The text is copied once behind a byte for the first label's length, and each
    /// dot then becomes the length of the label after it (the last dot of an absolute name the root
    /// label): one copy and one look at each byte, where writing label by label cost a growth check and
    /// a copy per label. It refuses what `appendEscaped` refuses, with the same error (checked by
    /// `NameParserTests`).
    private static func writePlain(
        _ text: UnsafeBufferPointer<UInt8>, origin: DomainName, to out: UnsafeMutablePointer<UInt8>
    ) throws(NameError) -> Int? {
        guard let source = text.baseAddress else { throw .empty }
        (out + 1).update(from: source, count: text.count)
        let length: Int
        switch NameParser.labelLengths(UnsafeMutableBufferPointer(start: out, count: text.count + 1), from: 0) {
        case .relative:
            length = text.count + 1 + origin.wire.count
            guard length <= 255 else { throw .nameTooLong(length) }
            _ = writeOrigin(origin, to: out + text.count + 1)
        case .absolute:
            length = text.count + 1
            guard length <= 255 else { throw .nameTooLong(length) }
        case .escaped:
            return nil
        case .invalid(let error):
            throw error
        }
        return length
    }

    /// What `labelLengths` made of a name's text.
    private enum PlainName {
        /// Labels without a final dot: the origin follows.
        case relative
        /// Ended by a dot, now the root label.
        case absolute
        /// A backslash: the text is for `appendEscaped`.
        case escaped
        case invalid(NameError)
    }

    /// Turns `wire[start]` (a placeholder) and the dots of the text after it into label lengths, left to
    /// right, stopping at the first backslash or bad label as `appendEscaped` would.
    @inline(__always)
    private static func labelLengths(_ wire: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> PlainName {
        var lengthAt = start
        var index = start + 1
        while true {
            var end = index
            while end < wire.count {
                let byte = wire[end]
                if byte == UInt8(ascii: ".") { break }
                if byte == UInt8(ascii: "\\") { return .escaped }
                end += 1
            }
            let length = end - index
            guard length > 0 else { return .invalid(.emptyLabel) }
            guard length <= 63 else { return .invalid(.labelTooLong(length)) }
            wire[lengthAt] = UInt8(length)
            if end == wire.count { return .relative }
            if end + 1 == wire.count {
                wire[end] = 0
                return .absolute
            }
            lengthAt = end
            index = end + 1
        }
    }

    /// Appends `text` byte by byte, decoding escapes; `@` and `.` alone are the caller's.
    static func appendEscaped(
        _ text: UnsafeBufferPointer<UInt8>, origin: DomainName, to buffer: inout [UInt8]
    ) throws(NameError) {
        let start = buffer.count
        guard !text.isEmpty else { throw .empty }
        var labelStart = buffer.count
        buffer.append(0)
        var labelLength = 0
        var index = text.startIndex
        var absolute = false
        while index < text.endIndex {
            var byte = text[index]
            if byte == UInt8(ascii: ".") {
                if labelLength == 0 {
                    buffer.removeSubrange(start...)
                    throw .emptyLabel
                }
                buffer[labelStart] = UInt8(labelLength)
                index += 1
                if index == text.endIndex {
                    absolute = true
                    break
                }
                labelStart = buffer.count
                buffer.append(0)
                labelLength = 0
                continue
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < text.endIndex else {
                    buffer.removeSubrange(start...)
                    throw .badEscape
                }
                let first = text[index]
                if first >= 0x30, first <= 0x39 {
                    guard index + 2 < text.endIndex else {
                        buffer.removeSubrange(start...)
                        throw .badEscape
                    }
                    let second = text[index + 1]
                    let third = text[index + 2]
                    guard second >= 0x30, second <= 0x39, third >= 0x30, third <= 0x39 else {
                        buffer.removeSubrange(start...)
                        throw .badEscape
                    }
                    let value = Int(first - 0x30) * 100 + Int(second - 0x30) * 10 + Int(third - 0x30)
                    guard value <= 255 else {
                        buffer.removeSubrange(start...)
                        throw .badEscape
                    }
                    byte = UInt8(value)
                    index += 3
                } else {
                    byte = first
                    index += 1
                }
            } else {
                index += 1
            }
            labelLength += 1
            if labelLength > 63 {
                let total = labelLength
                buffer.removeSubrange(start...)
                throw .labelTooLong(NameParser.measureLabel(text, from: index, sofar: total))
            }
            buffer.append(byte)
        }
        if !absolute {
            guard labelLength > 0 else {
                buffer.removeSubrange(start...)
                throw .emptyLabel
            }
            buffer[labelStart] = UInt8(labelLength)
            appendOrigin(origin, to: &buffer)
        } else {
            buffer.append(0)
        }
        let length = buffer.count - start
        if length > 255 {
            buffer.removeSubrange(start...)
            throw .nameTooLong(length)
        }
    }

    /// Counts the rest of an over-long label so the message gives its real length.
    private static func measureLabel(_ text: UnsafeBufferPointer<UInt8>, from index: Int, sofar: Int) -> Int {
        var count = sofar
        var position = index
        while position < text.endIndex, text[position] != UInt8(ascii: ".") {
            if text[position] == UInt8(ascii: "\\") {
                position += 1
                if position < text.endIndex, text[position] >= 0x30, text[position] <= 0x39 { position += 2 }
            }
            position += 1
            count += 1
        }
        return count
    }
}

/// Prints names and labels in presentation form with the escapes a reader needs.
///
/// The text is written as octets straight into the string's storage: names are printed for every
/// record a plan shows, writes or checks, and appending them a Unicode scalar at a time was most of it.
enum NamePrinter {
    static func presentation(_ wire: ArraySlice<UInt8>) -> String {
        if wire.count <= 1 { return "." }
        // A label's octet is at most four characters (`\DDD`); its length octet pays for its dot.
        return String(unsafeUninitializedCapacity: wire.count * 4) { text in
            writeLabels(wire, to: text, finalDot: true)
        }
    }

    /// Writes the labels of `wire` (up to its end or its root label) escaped into `text`, a dot between
    /// two labels and, with `finalDot`, after the last; returns the octets written. The one label loop
    /// of the absolute form and of `DomainName.relative(to:)`, which stops before the origin's labels.
    static func writeLabels(
        _ wire: ArraySlice<UInt8>, to text: UnsafeMutableBufferPointer<UInt8>, finalDot: Bool
    ) -> Int {
        var written = 0
        var index = wire.startIndex
        while index < wire.endIndex, wire[index] != 0 {
            if index > wire.startIndex {
                text[written] = UInt8(ascii: ".")
                written += 1
            }
            let length = Int(wire[index])
            written = write(wire[(index + 1)..<(index + 1 + length)], to: text, at: written)
            index += length + 1
        }
        if finalDot {
            text[written] = UInt8(ascii: ".")
            written += 1
        }
        return written
    }

    /// Writes `label` escaped into `text` from `offset` (room for four octets per octet of the label);
    /// returns the offset after it.
    static func write(_ label: ArraySlice<UInt8>, to text: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var written = offset
        for byte in label {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "\""), UInt8(ascii: "@"), UInt8(ascii: "$"):
                text[written] = UInt8(ascii: "\\")
                text[written + 1] = byte
                written += 2
            case 0x21...0x7E:
                text[written] = byte
                written += 1
            default:
                text[written] = UInt8(ascii: "\\")
                text[written + 1] = 0x30 + byte / 100
                text[written + 2] = 0x30 + byte / 10 % 10
                text[written + 3] = 0x30 + byte % 10
                written += 4
            }
        }
        return written
    }
}
