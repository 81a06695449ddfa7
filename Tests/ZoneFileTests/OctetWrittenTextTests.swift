import Testing

@testable import ZoneFile

/// Names, quoted strings and new lines written as octets (`NamePrinter`, `RecordWriter.appendLine`) say
/// what the text built a character at a time says: the same escapes for every octet a label or a string
/// can hold, and the same lines in a file whose lines end in CR LF.
@Suite struct OctetWrittenTextTests {
    /// A label's octet as presentation text, built a character at a time (RFC 1035 §5.1; BIND's escapes).
    static func escaped(_ octet: UInt8) -> String {
        switch octet {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "\""), UInt8(ascii: "@"), UInt8(ascii: "$"):
            "\\" + String(UnicodeScalar(octet))
        case 0x21...0x7E: String(UnicodeScalar(octet))
        default: "\\" + String(format3: Int(octet))
        }
    }

    /// Every octet in a label of its own, with letters either side: the absolute and the relative name read
    /// as the reference spells them, and read back to the same name.
    @Test func everyOctetOfALabelIsWrittenAsTheReferenceWritesIt() throws {
        let origin = try DomainName(parsing: "example.com.")
        for octet in UInt8.min...UInt8.max {
            let label: [UInt8] = [0x61, octet, 0x5A]
            let wire = [UInt8(label.count)] + label + [4] + Array("mail".utf8) + origin.wire
            let name = try #require(DomainName(wire: wire))
            let relative = "a" + Self.escaped(octet) + "Z.mail"
            #expect(name.relative(to: origin) == relative, "octet \(octet)")
            #expect(name.description == relative + ".example.com.", "octet \(octet)")
            #expect(try DomainName(parsing: name.description) == name, "octet \(octet)")
        }
        #expect(origin.relative(to: origin) == "@")
        #expect(try #require(DomainName(wire: [0])).description == ".")
        // A label of 63 octets that each take four characters, the longest a label can be written.
        let long = try #require(DomainName(wire: [63] + [UInt8](repeating: 0x01, count: 63) + origin.wire))
        #expect(long.relative(to: origin) == String(repeating: "\\001", count: 63))
    }

    /// A name's relative form appended to a line of octets (`appendRelative(to:into:)`, how a new record's
    /// owner is written) is `relative(to:)`'s, after what the line held: every octet in a label, the longest
    /// label, the origin itself (`@`) and a name outside it (written in full).
    @Test func aRelativeNameAppendedAsOctetsIsTheRelativeText() throws {
        let origin = try DomainName(parsing: "example.com.")
        var names = [
            origin, try DomainName(parsing: "mail.example.org."),
            try DomainName(parsing: "a.B._domainkey.Example.COM."),
            try #require(DomainName(wire: [63] + [UInt8](repeating: 0x01, count: 63) + origin.wire)),
        ]
        for octet in UInt8.min...UInt8.max {
            names.append(try #require(DomainName(wire: [3, 0x61, octet, 0x5A] + origin.wire)))
        }
        for name in names {
            var line = Array("\t".utf8)
            name.appendRelative(to: origin, into: &line)
            #expect(String(decoding: line, as: UTF8.self) == "\t" + name.relative(to: origin), "\(name)")
        }
    }

    /// A TXT value of several strings holding quotes, backslashes, UTF-8 and other octets, written after a
    /// line of a file whose lines end in CR LF: the continuation lines end in CR LF too, each string is
    /// quoted as `CharacterString.quoted` quotes it, and the line reads back to the same RDATA.
    @Test func severalStringsInACRLFFileAreWrittenLikeTheQuotedStrings() throws {
        let text = "$TTL 300\r\n$ORIGIN example.com.\r\n@ IN SOA ns h 1 2 3 4 5\r\n@ IN NS ns\r\nns IN A 192.0.2.1\r\n"
        let zone = ZoneLoader.load(
            bytes: Array(text.utf8), path: "crlf.zone",
            options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(!zone.hasErrors, "\(zone.errors)")
        let strings: [[UInt8]] = [
            Array("v=DKIM1; \"k\"=rsa\\".utf8), Array("café".utf8), [0xFF, 0x00, 0x7F, 0x20], [],
        ]
        let wire = strings.flatMap { [UInt8($0.count)] + $0 }
        let record = RecordWriter.NewRecord(
            owner: try DomainName(parsing: "sel._domainkey.example.com."), type: .txt,
            rdata: RData(type: .txt, wire: wire))
        let writer = RecordWriter(zone: zone)
        let ns = try #require(zone.records(at: try DomainName(parsing: "ns.example.com."), type: .a).first)
        let line = try writer.line(for: record, like: ns)
        let quoted = strings.map { octets in
            CharacterString.quoted(
                octets, keepingUTF8: String(decoding: octets, as: UTF8.self).utf8.elementsEqual(octets))
        }
        #expect(line == "sel._domainkey IN TXT ( " + quoted.joined(separator: "\r\n\t\t\t\t") + " )")
        #expect(quoted[1] == "\"café\"" && quoted[2] == "\"\\255\\000\\127 \"")
        // Two lines in one buffer: the second is padded from its own start, as a line of its own is.
        var both: [UInt8] = []
        try writer.appendLine(for: record, like: ns, to: &both)
        both += Array("\r\n".utf8)
        try writer.appendLine(for: record, like: ns, to: &both)
        #expect(String(decoding: both, as: UTF8.self) == line + "\r\n" + line)
        let (fileIndex, edit) = try writer.insertion(of: [record], after: ns)
        let edited = try SourceEdit.apply([edit], to: zone.files[fileIndex].source.bytes)
        let reloaded = ZoneLoader.load(bytes: edited, path: "reloaded", options: LoadOptions(origin: zone.origin))
        #expect(!reloaded.hasErrors, "\(reloaded.errors)")
        #expect(reloaded.records(at: record.owner, type: .txt).map(\.rdata) == [record.rdata])
    }
}

extension String {
    /// `value` (0...255) as three decimal digits.
    fileprivate init(format3 value: Int) {
        self = String(value / 100) + String(value / 10 % 10) + String(value % 10)
    }
}
