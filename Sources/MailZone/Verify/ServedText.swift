/// Text a name server sent, made safe to print. A TXT record may hold any octets: an escape
/// sequence that clears the terminal (`ESC[2J`), a bell, a carriage return that overwrites the
/// line, a newline followed by `::error` that GitHub would read as a workflow command. verify
/// shows what is served, so every octet that is not printable ASCII or printable UTF-8 is shown
/// as the zone file writes it, `\DDD` (RFC 1035 §5.1), and can never act on the reader's screen.
enum ServedText {
    /// TXT strings (joined) in zone-file presentation without the quotes: printable ASCII and
    /// printable UTF-8 characters as they are, `\` as `\\`, every other octet as `\DDD`.
    static func presentation(_ octets: [UInt8]) -> String {
        var out = ""
        var position = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = octets.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\\" {
                    out += "\\\\"
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escaped(encoded)
                }
                position += encoded.count
            case .error(let length):
                out += escaped(octets[position..<(position + length)])
                position += length
            case .emptyInput:
                return out
            }
        }
    }

    /// Words of mailzone's own with served fragments in them (a detail quoting a served SPF term,
    /// an error naming what a server sent): characters that are not printable become `\DDD` of
    /// their UTF-8 octets; the rest, backslashes too, stays as it is.
    static func printable(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isPrintable) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isPrintable(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += escaped(Array(String(scalar).utf8))
            }
        }
        return out
    }

    /// Not a control character (C0, DEL, C1), nor a format character (bidirectional overrides,
    /// zero-width joiners that hide or reorder text), a line or paragraph separator, a surrogate,
    /// private-use or unassigned.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            false
        default:
            true
        }
    }

    /// `\027` for ESC: each octet as three decimal digits.
    private static func escaped<Octets: Sequence<UInt8>>(_ octets: Octets) -> String {
        var out = ""
        for octet in octets {
            let digits = String(octet)
            out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
        }
        return out
    }
}
