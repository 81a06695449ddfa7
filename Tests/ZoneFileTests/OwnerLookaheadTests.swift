import Foundation
import Testing

@testable import ZoneFile

/// The loader reads the next entry's owner one entry early (`OwnerLookahead`) to fetch its name-table
/// slot in time. What it reads ahead must be what the entry scanner and the general name reader make of
/// the same text: the owner token's very bytes, and the same name. Checked on every entry of every
/// corpus file and real zone, and on spellings chosen to sit at the edges.
@Suite struct OwnerLookaheadTests {
    static let origin = DomainName(uncheckedWire: [6] + Array("origin".utf8) + [7] + Array("example".utf8) + [0])

    /// Checks every entry of `bytes`; returns how many owners were read ahead.
    static func checkEntries(of bytes: [UInt8], _ label: String) -> Int {
        let (syntax, _) = ZoneFileSyntax.parse(SourceFile(path: label, bytes: bytes))
        var names = NameTable()
        names.setSuffix(origin)
        let originID = names.intern(origin.wire[...])
        // The same names interned the general way, the table finding the suffix itself: each must be
        // stored alike, where the lookahead told the table where the suffix starts.
        var general = NameTable()
        general.setSuffix(origin)
        _ = general.intern(origin.wire[...])
        var lookahead = OwnerLookahead()
        var readAhead = 0
        bytes.withUnsafeBufferPointer { buffer in
            for entry in syntax.entries {
                let start = entry.range.lowerBound
                let tokens = syntax.tokens(of: entry)
                let text = OwnerLookahead.ownerText(buffer, at: start)
                // The owner token the scanner reads at the entry's start, unless the general reader is to
                // read it (a directive, an escape, a word that runs to the end of the file).
                var expected: Range<Int>? = nil
                if let first = tokens.first, first.start == start, first.kind == .word,
                    bytes[start] != UInt8(ascii: "$"), first.end < bytes.count,
                    !bytes[first.range].contains(UInt8(ascii: "\\"))
                {
                    expected = first.range
                }
                #expect(text == expected, "\(label) at \(start)")
                guard let expected else { continue }
                lookahead.read(buffer, at: start, fileIndex: 0, origin: origin, originID: originID, names: names)
                let ahead = lookahead.intern(
                    start: expected.lowerBound, end: expected.upperBound, fileIndex: 0, originID: originID,
                    into: &names)
                var wire: [UInt8] = []
                do {
                    try NameParser.append(
                        UnsafeBufferPointer(rebasing: buffer[expected]), origin: origin, to: &wire)
                    #expect(ahead == names.intern(wire[...]), "\(label) at \(start): another name read ahead")
                    let id = general.intern(wire[...])
                    #expect(ahead == id, "\(label) at \(start): another id")
                    #expect(
                        names.stored(Int(id)) == general.stored(Int(id)), "\(label) at \(start): stored another way")
                    readAhead += 1
                } catch {
                    #expect(ahead == nil, "\(label) at \(start): a name the general reader refuses was read ahead")
                }
            }
        }
        return readAhead
    }

    @Test("the owner read ahead is the owner token and its name, on every corpus file and real zone")
    func corpusAndRealZones() throws {
        var readAhead = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            readAhead += Self.checkEntries(of: Array(try Data(contentsOf: url)), url.lastPathComponent)
        }
        #expect(readAhead > 15_000, "only \(readAhead) owners read ahead")
    }

    static let edges: [String] = [
        "www A 192.0.2.1\n", "www\tA 192.0.2.1\n", "www\r\n", "www;comment\n", "www(A 192.0.2.1)\n",
        "www\"x\" A 192.0.2.1\n", "@ A 192.0.2.1\n", "* A 192.0.2.1\n", "Www.Example.COM. A 192.0.2.1\n",
        "a\\.b A 192.0.2.1\n", "a\\065 A 192.0.2.1\n", "\\@ A 192.0.2.1\n", "a\0b A 192.0.2.1\n",
        "$ORIGIN example.\n", "$TTL 300\n", " A 192.0.2.1\n", "\tA 192.0.2.1\n", "; a comment\n", "\n", "\r\n",
        "\"quoted\" A 192.0.2.1\n", "(www) A 192.0.2.1\n", "a..b A 192.0.2.1\n", ".a A 192.0.2.1\n",
        String(repeating: "a", count: 64) + " A 192.0.2.1\n", "a.\u{7F}b A 192.0.2.1\n", "a\u{0B}b A 192.0.2.1\n",
        "www", "www.\n",
    ]

    @Test("the owner read ahead is the owner token and its name at the edges", arguments: edges)
    func edge(_ text: String) {
        _ = Self.checkEntries(of: Array(text.utf8), "edge")
    }

    @Test("a name read ahead is given only for its own token, file and origin")
    func onlyForItsOwnToken() {
        let bytes = Array("www A 192.0.2.1\nmail A 192.0.2.2\n".utf8)
        var names = NameTable()
        var lookahead = OwnerLookahead()
        bytes.withUnsafeBufferPointer { buffer in
            lookahead.read(buffer, at: 16, fileIndex: 0, origin: Self.origin, originID: 7, names: names)
            #expect(lookahead.intern(start: 16, end: 20, fileIndex: 1, originID: 7, into: &names) == nil)
            #expect(lookahead.intern(start: 16, end: 20, fileIndex: 0, originID: 8, into: &names) == nil)
            #expect(lookahead.intern(start: 16, end: 19, fileIndex: 0, originID: 7, into: &names) == nil)
            #expect(lookahead.intern(start: 0, end: 3, fileIndex: 0, originID: 7, into: &names) == nil)
            #expect(lookahead.intern(start: 16, end: 20, fileIndex: 0, originID: 7, into: &names) == 0)
            // Taken once: the same token again is read the general way.
            #expect(lookahead.intern(start: 16, end: 20, fileIndex: 0, originID: 7, into: &names) == nil)
        }
        #expect(names.name(0) == (try? DomainName(parsing: "mail.origin.example.")))
    }

    @Test("the loader takes every new owner from what it read ahead, not from a second reading")
    func loaderTakesTheOwnersReadAhead() {
        // The SOA's owner and 40 hosts are new owner texts; the blank owners and the repeated `host0` are not.
        let hosts = (0..<40).map { "host\($0) A 192.0.2.1\n\tAAAA 2001:db8::1\n" }.joined()
        let text =
            "$ORIGIN origin.example.\n$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n\tNS ns\n; hosts\n\n" + hosts
            + "host0 TXT \"again\"\n"
        var state = LoaderState(options: LoadOptions(), zonePath: "lookahead.zone")
        state.loadTop(path: "lookahead.zone", source: SourceFile(path: "lookahead.zone", bytes: Array(text.utf8)))
        #expect(state.diagnostics.isEmpty)
        #expect(state.ownerLookahead.taken == 42)
    }
}
