import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// `$INCLUDE` (relative paths, origins, cycles, depth) and `$GENERATE` (ranges, modifiers).
@Suite struct DirectiveTests {
    static let apex = "$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"

    @Test func includeRelativeToTheIncludingFile() throws {
        let dir = try TemporaryFiles.directory([
            "zones/db.example.com": Self.apex + "$INCLUDE sub/mail.inc\nafter A 192.0.2.9\n",
            "zones/sub/mail.inc": "mail A 192.0.2.25\n$ORIGIN inner.example.com.\nx A 192.0.2.26\n",
        ])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("zones/db.example.com").path)
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.files.count == 2)
        #expect(
            zone.records.dropFirst(3).map(\.description) == [
                "mail.example.com. 3600 IN A 192.0.2.25",
                "x.inner.example.com. 3600 IN A 192.0.2.26",
                // The included file's $ORIGIN does not leak back.
                "after.example.com. 3600 IN A 192.0.2.9",
            ])
        #expect(zone.records(at: try DomainName(parsing: "mail.example.com.")).first?.source?.fileIndex == 1)
    }

    @Test func includeWithOrigin() throws {
        let dir = try TemporaryFiles.directory([
            "db": Self.apex + "$INCLUDE part.inc sub\n",
            "part.inc": "@ A 192.0.2.7\nwww A 192.0.2.8\n",
        ])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("db").path)
        #expect(
            zone.records.dropFirst(3).map(\.description) == [
                "sub.example.com. 3600 IN A 192.0.2.7", "www.sub.example.com. 3600 IN A 192.0.2.8",
            ])
    }

    @Test func includeCycleNamesBothFiles() throws {
        let dir = try TemporaryFiles.directory(["a.zone": Self.apex + "$INCLUDE b.inc\n", "b.inc": "$INCLUDE a.zone\n"])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("a.zone").path)
        let cycle = try #require(zone.diagnostics.first { $0.id == "include.cycle" })
        #expect(cycle.file.hasSuffix("/b.inc"))
        #expect(cycle.message.contains("b.inc includes"))
        #expect(cycle.message.contains("a.zone, which is already being read"))
    }

    @Test func includeMissingFile() throws {
        let dir = try TemporaryFiles.directory(["db": Self.apex + "$INCLUDE nothere.inc\n"])
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("db").path)
        #expect(zone.diagnostics.map(\.message) == ["$INCLUDE 'nothere.inc': \(dir.path)/nothere.inc no such file"])
    }

    @Test func includeOutsideTheRootIsRefused() throws {
        let dir = try TemporaryFiles.directory([
            "repo/db": Self.apex + "$INCLUDE ../secret.inc\n", "secret.inc": "x A 192.0.2.1\n",
        ])
        var options = LoadOptions()
        options.includes = .confined(to: dir.appendingPathComponent("repo").path)
        let zone = ZoneLoader.load(path: dir.appendingPathComponent("repo/db").path, options: options)
        #expect(zone.diagnostics.map(\.id) == ["include.outside"])
    }

    @Test func generateWithModifiers() {
        let zone = ZoneLoader.load(
            text: Self.apex
                + "$GENERATE 1-3 host$ A 192.0.2.$\n$GENERATE 10-11/1 r${-10,3,d} 60 IN CNAME host${0,2,x}\n$GENERATE 1024-1025 ${0,3,n} AAAA 2001:db8::${0,4,x}\n$GENERATE 1-1 t$$ TXT \"v=$\"\n",
            path: "db")
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(
            zone.records.dropFirst(3).map(\.description) == [
                "host1.example.com. 3600 IN A 192.0.2.1", "host2.example.com. 3600 IN A 192.0.2.2",
                "host3.example.com. 3600 IN A 192.0.2.3",
                "r000.example.com. 60 IN CNAME host0a.example.com.",
                "r001.example.com. 60 IN CNAME host0b.example.com.",
                "0.0.4.example.com. 3600 IN AAAA 2001:db8::400", "1.0.4.example.com. 3600 IN AAAA 2001:db8::401",
                "t\\$.example.com. 3600 IN TXT \"v=1\"",
            ])
    }

    @Test(arguments: [
        (
            "$GENERATE 9--10 h$ A 1.2.3.$",
            "invalid $GENERATE range '9--10'; write START-STOP or START-STOP/STEP with START <= STOP and STEP >= 1"
        ),
        (
            "$GENERATE 1-3/0 h$ A 1.2.3.$",
            "invalid $GENERATE range '1-3/0'; write START-STOP or START-STOP/STEP with START <= STOP and STEP >= 1"
        ),
        (
            "$GENERATE 0-7 h$ A 1.2.3.${1,0,dgarbage}",
            "$GENERATE: bad base in modifier '${1,0,dgarbage}'; use d, o, x, X, n or N"
        ),
        ("$GENERATE 0-7 h$ A 1.2.3.${1000", "$GENERATE: modifier '${1000' has no closing '}'"),
        ("$GENERATE 1-1 h$ TXT foo${2147483647}", "$GENERATE: value 1 plus offset 2147483647 is out of range"),
        // Offsets at Int's ends used to trap on `value + offset` (SIGILL) before the range check.
        (
            "$GENERATE 1-2 h${9223372036854775807} A 192.0.2.1",
            "$GENERATE: value 1 plus offset 9223372036854775807 is out of range"
        ),
        (
            "$GENERATE 0-2 h${-9223372036854775808} A 192.0.2.1",
            "$GENERATE: value 0 plus offset -9223372036854775808 is out of range"
        ),
        (
            "$GENERATE 1-2 h${99999999999999999999} A 192.0.2.1",
            "$GENERATE: bad modifier '${99999999999999999999}'; write ${offset[,width[,base]]}"
        ),
        ("$GENERATE 0-1 t$ TKEY \"x\"", "$GENERATE of meta RR type 'TKEY'"),
    ])
    func generateErrors(_ line: String, _ message: String) {
        let zone = ZoneLoader.load(text: Self.apex + line + "\n", path: "db")
        #expect(zone.diagnostics.map(\.message) == [message])
    }

    @Test func generateStepOverflowMakesOneRecord() {
        let zone = ZoneLoader.load(text: Self.apex + "$GENERATE 19-28/2147483645 $ CNAME x\n", path: "db")
        #expect(zone.records.dropFirst(3).map(\.description) == ["19.example.com. 3600 IN CNAME x.example.com."])
    }
}
