import Foundation
import Synchronization
import TestSupport
import Testing

@testable import ZoneFile

/// `LoadOptions.fingerprint` is taken of each file before the parser reads any of it: a program that writes
/// a mapped file in place after that moment changes what the load reads, and the fingerprint then differs
/// from the file, which is how apply knows (a fingerprint taken after the load could match a text read half
/// old, half new).
@Suite struct ReadFingerprintTests {
    /// A zone of a top file and an `$INCLUDE`d one, both mapped: each file's fingerprint is of its bytes as
    /// they were before the parse, which reads what was written after it.
    @Test func takenBeforeTheParse() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-fingerprint")
        let top = directory.appendingPathComponent("db.example.com")
        let included = directory.appendingPathComponent("hosts.inc")
        let topText =
            "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\n"
            + "ns1 A 192.0.2.1\n$INCLUDE hosts.inc\n"
        try Data(topText.utf8).write(to: top)
        try Data("www A 192.0.2.7\n".utf8).write(to: included)
        let written = Mutex<[String]>([])
        var options = LoadOptions(origin: try DomainName(parsing: "example.com."))
        options.includes = .anywhere
        options.mapFilesFrom = 1
        // Like another program's write in place, right after the fingerprint: same length, one digit changed.
        options.fingerprint = { bytes in
            let before = String(decoding: Array(bytes), as: UTF8.self)
            let path = before.hasPrefix("$ORIGIN") ? top.path : included.path
            let changed = before.replacingOccurrences(of: "192.0.2.", with: "192.0.9.")
            try? Data(changed.utf8).write(to: URL(fileURLWithPath: path), options: [])
            written.withLock { $0.append(path) }
            return before
        }
        let zone = ZoneLoader.load(path: top.path, options: options)
        #expect(zone.errors.isEmpty, "\(zone.errors)")
        #expect(written.withLock { $0 } == [top.path, included.path])
        #expect(zone.files.map { $0.source.bytes.isMapped } == [true, true])
        #expect(zone.files.map(\.source.fingerprint) == [topText, "www A 192.0.2.7\n"])
        #expect(
            zone.records.filter { $0.type == .a }.map(\.description)
                == ["ns1.example.com. 300 IN A 192.0.9.1", "www.example.com. 300 IN A 192.0.9.7"])
    }

    /// Without a fingerprint function none is taken, and text given in place of a file (`overrides`) gets none.
    @Test func noneUnlessAskedOrForOverrides() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-fingerprint")
        let top = directory.appendingPathComponent("db.example.com")
        let text = "$ORIGIN example.com.\n@ 300 SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ 300 NS ns1\n"
        try Data(text.utf8).write(to: top)
        var options = LoadOptions(origin: try DomainName(parsing: "example.com."))
        #expect(ZoneLoader.load(path: top.path, options: options).files.map(\.source.fingerprint) == [nil])
        options.fingerprint = { _ in "taken" }
        #expect(ZoneLoader.load(path: top.path, options: options).files.map(\.source.fingerprint) == ["taken"])
        options.overrides[top.path] = Array(text.utf8)
        #expect(ZoneLoader.load(path: top.path, options: options).files.map(\.source.fingerprint) == [nil])
    }
}
