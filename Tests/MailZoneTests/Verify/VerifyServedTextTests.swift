import DNSClient
import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// Served text is shown as the zone file writes it: every octet that is not printable ASCII or
/// printable UTF-8 as `\DDD`, so a TXT record cannot clear the terminal, ring it, overwrite a
/// line or forge a GitHub workflow command.
struct ServedTextTests {
    @Test func octetsThatAreNotPrintableAreDecimalEscapes() {
        let octets: [UInt8] = [
            0x61, 0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x0D, 0x0A, 0x5C, 0xC3, 0xA9, 0xFF, 0xE2, 0x80, 0xAE,
            0x7F, 0xC2, 0x85, 0x7A,
        ]
        #expect(ServedText.presentation(octets) == #"a\027[2J\007\013\010\\é\255\226\128\174\127\194\133z"#)
    }

    @Test func ownWordsKeepTheirBackslashes() {
        #expect(ServedText.printable("a\u{1B}[2J b\\.c \u{202E}") == #"a\027[2J b\.c \226\128\174"#)
        #expect(ServedText.printable("plain é text") == "plain é text")
    }
}

/// The same through `mailzone verify` against a real `named` serving an SPF record with ESC[2J,
/// BEL, CR, LF and a forged `::error` line, in the text, Markdown and GitHub formats.
@Suite(.enabled(if: NamedServer.shouldRun, Comment(rawValue: NamedServer.skipMessage)))
struct VerifyServedTextEndToEndTests {
    /// Short enough (70 characters escaped) that the text output shows it whole.
    static let hostile = #"v=spf1 ~all\027[2J\007\013\010::error file=mailzone.yaml,line=1::forged"#

    @Test(arguments: [("text", "escaped.txt"), ("markdown", "escaped.md"), ("github", "escaped.github")])
    func servedControlCharactersAreEscaped(format: String, golden: String) throws {
        var records = VerifyLab.complete
        records["spf"] = "@ IN TXT \"\(Self.hostile)\""
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText(records: records))])
        defer { named.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }

        let run = try MailzoneBinary.run(
            ["verify", "--server", named.address.description, "--format", format],
            in: lab.directory)
        #expect(run.status == 2, "stderr: \(run.errors)")
        let output = run.output.replacingOccurrences(of: "127.0.0.1:\(named.port)", with: "127.0.0.1:53001")
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(!output.contains("\n::error file=mailzone.yaml,line=1::forged"))
        #expect(output.contains(#"v=spf1 ~all\027[2J\007\013\010::error file=mailzone.yaml,line=1::forged"#))
        GoldenFile.assert(output, at: VerifierTests.golden(golden))
    }
}

/// A served value cannot close its code span in the Markdown report (the fence outgrows its
/// backtick runs), and a detail quoting served text has its Markdown escaped: a pull-request
/// comment shows what was served, never an image, link or HTML the server chose.
struct VerifyMarkdownServedTextTests {
    @Test func servedMarkdownIsShownNotRendered() {
        let result = VerifyResult(
            server: "127.0.0.1:53001", status: .mismatch,
            served: ["v=spf1 ``![x](http://t.example/i.png)`` -all"],
            detail: "the SPF record has [a link](http://t.example) and <img src=x> | and _this_")
        let record = VerifyRecord(
            name: "sampledomain.com.", relative: "@", type: "TXT", purpose: "spf",
            expected: "v=spf1 include:qcloudmail.com -all",
            source: PlanLocation(file: "mailzone.yaml", line: 8, column: 17), results: [result])
        let report = VerifyReport(
            declaration: "mailzone.yaml",
            zones: [
                VerifyZone(
                    origin: "sampledomain.com.", file: "db.sampledomain.com",
                    senders: [VerifySender(domain: "sampledomain.com.", services: ["tencent-ses"], records: [record])])
            ])
        let rows = VerifyMarkdownRenderer.render(report).components(separatedBy: "\n")
        let row: String? = rows.first { $0.hasPrefix("| :x:") }
        let expected: String =
            "| :x: mismatch | `@` | TXT | `v=spf1 include:qcloudmail.com -all` | "
            + #"the SPF record has \[a link\](http://t.example) and \<img src=x\> \| and \_this\_: "#
            + "```v=spf1 ``![x](http://t.example/i.png)`` -all``` |"
        #expect(row == expected)
    }
}
